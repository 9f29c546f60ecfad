package com.miniwms.salesorders.storage;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with full jitter between attempts of a write DynamoDB refused for now. */
final class Backoff {
    private static final long BASE_MILLIS = 20;
    private static final long CAP_MILLIS = 2_000;

    private Backoff() {
    }

    /** Sleeps before attempt {@code attempt + 1} (the first retry is attempt 1). */
    static void pause(int attempt) {
        long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a write", e);
        }
    }
}
