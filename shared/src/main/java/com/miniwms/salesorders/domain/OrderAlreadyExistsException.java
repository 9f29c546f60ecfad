package com.miniwms.salesorders.domain;

public class OrderAlreadyExistsException extends RuntimeException {
    public OrderAlreadyExistsException(String orderNumber) {
        super("Sales order " + orderNumber + " already exists");
    }
}
