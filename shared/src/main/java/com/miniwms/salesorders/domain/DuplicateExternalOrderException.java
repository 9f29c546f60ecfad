package com.miniwms.salesorders.domain;

/** A channel order whose (connection, external order id) is already held by another sales order. */
public class DuplicateExternalOrderException extends RuntimeException {
    private final String existingOrderNumber;

    public DuplicateExternalOrderException(String connectionId, String externalOrderId, String existingOrderNumber) {
        super("External order " + externalOrderId + " of connection " + connectionId + " is already imported"
                + (existingOrderNumber == null ? "" : " as " + existingOrderNumber));
        this.existingOrderNumber = existingOrderNumber;
    }

    public String existingOrderNumber() {
        return existingOrderNumber;
    }
}
