package com.miniwms.salesorders.bench.sync;

import com.miniwms.salesorders.sync.http.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time for a rate-limited run without its waits: the clients' sleeper moves this clock instead of sleeping, and the
 * stand-ins' rate limiters read the same clock, so a run that waits fifteen minutes on Amazon's rate takes
 * milliseconds. The run's time is the simulated waits plus the real time of its calls.
 */
final class SimulatedTime extends Clock implements Sleeper {
    private final Instant start = Instant.parse("2026-07-01T12:00:00Z");
    private final AtomicLong waitedNanos = new AtomicLong();
    private final long realStart = System.nanoTime();

    @Override
    public void sleep(Duration duration) {
        waitedNanos.addAndGet(duration.toNanos());
    }

    /** Simulated waits so far. */
    Duration waited() {
        return Duration.ofNanos(waitedNanos.get());
    }

    @Override
    public Instant instant() {
        return start.plusNanos(waitedNanos.get() + (System.nanoTime() - realStart));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
