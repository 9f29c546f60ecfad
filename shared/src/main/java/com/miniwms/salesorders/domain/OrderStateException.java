package com.miniwms.salesorders.domain;

/** A request that the order's current state does not allow (edit after allocation, a forbidden transition). */
public class OrderStateException extends RuntimeException {
    public OrderStateException(String message) {
        super(message);
    }
}
