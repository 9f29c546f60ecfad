package com.miniwms.salesorders.sync.http;

import java.time.Duration;

/**
 * Exponential backoff with jitter: attempt n waits a random time between half and all of
 * {@code min(maxDelay, baseDelay * 2^n)},
 * or what the server asked for; at most {@code maxAttempts} calls and {@code budget} of waiting per request, so a
 * run keeps time to save its place.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration budget,
                          Duration requestTimeout) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofMinutes(3), Duration.ofSeconds(30));
}
