package com.miniwms.salesorders.sync.http;

import com.miniwms.salesorders.sync.MarketplaceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Client-side pacing for an operation with a documented token-bucket rate limit: a call takes a token, tokens come
 * back at {@code ratePerSecond} up to {@code burst}. When none is left, {@link #acquire} waits (through the
 * {@link Sleeper}) exactly until one is back, so the calls keep to the limit instead of running into 429s and
 * backing off past the moment a token returned. A wait longer than {@code maxWait} is not taken: the call fails as
 * a retryable {@link MarketplaceException}, so a run keeps its place rather than its time running out.
 *
 * <p>The bucket starts full (a fresh process cannot know what earlier ones used); {@link #drain()} after a 429 makes
 * it empty, so after an over-optimistic start it follows the server's bucket.
 */
public final class TokenBucket {
    private final double ratePerSecond;
    private final double burst;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final Duration margin;
    private double tokens;
    private Instant updated;

    public TokenBucket(double ratePerSecond, int burst, Clock clock, Sleeper sleeper, Duration maxWait) {
        this(ratePerSecond, burst, clock, sleeper, maxWait, Duration.ZERO);
    }

    /**
     * @param margin added to every wait: the server counts a call when it arrives, a little after this side took
     *               the token, so waiting exactly would now and then find its bucket a hair short (a 429)
     */
    public TokenBucket(double ratePerSecond, int burst, Clock clock, Sleeper sleeper, Duration maxWait,
                       Duration margin) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
        this.margin = margin;
        this.tokens = burst;
        this.updated = clock.instant();
    }

    /**
     * Amazon Orders API v2026-01-01 {@code searchOrders}: 0.0056 requests per second, burst 20; waits get half a
     * second of margin (0.3% of the 179 s between tokens).
     */
    public static TokenBucket amazonSearchOrders(Clock clock, Sleeper sleeper) {
        return new TokenBucket(0.0056, 20, clock, sleeper, Duration.ofMinutes(4), Duration.ofMillis(500));
    }

    /** Takes a token, waiting for one when the bucket is empty. */
    public synchronized void acquire(String what) {
        refill();
        if (tokens < 1) {
            Duration wait = Duration.ofNanos((long) Math.ceil((1 - tokens) / ratePerSecond * 1e9)).plus(margin);
            if (wait.compareTo(maxWait) > 0) {
                throw new MarketplaceException(what + " is paced to its rate limit; the next call is possible in "
                        + wait.toSeconds() + " s");
            }
            sleeper.sleep(wait);
            refill();
            tokens = Math.max(tokens, 1);
        }
        tokens -= 1;
    }

    /** The server said the bucket is empty (429): start again from none. */
    public synchronized void drain() {
        refill();
        tokens = 0;
    }

    /** Tokens available now. */
    public synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(updated)) {
            tokens = Math.min(burst, tokens + Duration.between(updated, now).toNanos() / 1e9 * ratePerSecond);
            updated = now;
        }
    }
}
