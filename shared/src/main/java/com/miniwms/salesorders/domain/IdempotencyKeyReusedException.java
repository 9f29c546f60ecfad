package com.miniwms.salesorders.domain;

/** The same idempotency key was sent again with a different request body. */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used with a different request body; use a new key for a new request");
    }
}
