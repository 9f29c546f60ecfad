package com.miniwms.salesorders.sync.http;

import com.miniwms.salesorders.sync.MarketplaceException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {

    /** A clock that only moves when the sleeper sleeps. */
    static final class SimulatedTime extends Clock implements Sleeper {
        Instant now = Instant.parse("2026-07-01T10:00:00Z");
        final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theBurstGoesAtOnceThenOneCallPerTokenAtTheDocumentedRate() {
        SimulatedTime time = new SimulatedTime();
        TokenBucket bucket = TokenBucket.amazonSearchOrders(time, time);
        Instant start = time.instant();
        for (int i = 0; i < 25; i++) {
            bucket.acquire("searchOrders");
        }
        assertThat(time.waits).hasSize(5);
        // 1 / 0.0056 s for the token, plus the half-second margin.
        assertThat(time.waits.get(0)).isBetween(Duration.ofMillis(179_071), Duration.ofMillis(179_072));
        // 25 calls with a burst of 20: five more tokens at 0.0056/s, and no more than the margins on top.
        assertThat(Duration.between(start, time.instant()).toMillis()).isBetween(892_857L, 895_358L);
    }

    @Test
    void idleTimeRefillsUpToTheBurstOnly() {
        SimulatedTime time = new SimulatedTime();
        TokenBucket bucket = new TokenBucket(1.0, 3, time, time, Duration.ofMinutes(1));
        bucket.acquire("x");
        bucket.acquire("x");
        bucket.acquire("x");
        time.sleep(Duration.ofHours(1));
        time.waits.clear();
        for (int i = 0; i < 3; i++) {
            bucket.acquire("x");
        }
        assertThat(time.waits).isEmpty();
        bucket.acquire("x");
        assertThat(time.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aDrainedBucketWaitsAndAWaitLongerThanAllowedFailsInstead() {
        SimulatedTime time = new SimulatedTime();
        TokenBucket bucket = new TokenBucket(0.0056, 20, time, time, Duration.ofMinutes(1));
        bucket.drain();
        assertThat(bucket.available()).isZero();
        assertThatThrownBy(() -> bucket.acquire("Amazon searchOrders"))
                .isInstanceOf(MarketplaceException.class).hasMessageContaining("paced");
        assertThat(time.waits).isEmpty();
    }
}
