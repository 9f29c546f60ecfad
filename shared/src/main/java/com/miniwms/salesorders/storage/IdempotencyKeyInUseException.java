package com.miniwms.salesorders.storage;

/** Another request with the same idempotency key was stored first. */
public class IdempotencyKeyInUseException extends RuntimeException {
    public IdempotencyKeyInUseException(String scopedKey) {
        super("Idempotency key in use: " + scopedKey);
    }
}
