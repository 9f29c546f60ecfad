package com.miniwms.salesorders.storage;

import java.time.Instant;

/** The first response to a request sent with an idempotency key, kept so a retry gets the same answer. */
public record IdempotencyRecord(String scopedKey, String requestHash, StoredResponse response, Instant expiresAt) {

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
