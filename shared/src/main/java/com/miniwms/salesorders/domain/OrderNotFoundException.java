package com.miniwms.salesorders.domain;

public class OrderNotFoundException extends RuntimeException {
    public OrderNotFoundException(String orderNumber) {
        super("Sales order " + orderNumber + " does not exist");
    }
}
