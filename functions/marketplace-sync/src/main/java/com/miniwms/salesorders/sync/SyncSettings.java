package com.miniwms.salesorders.sync;

import java.time.Duration;

/**
 * How a run reads: the overlap re-read before the watermark, how far back the first run of a connection looks,
 * how long a lease lasts, and how much of the Lambda's time is kept back to save the run's place.
 */
public record SyncSettings(Duration overlap, Duration firstRunLookback, Duration leaseTtl, Duration saveReserve,
                           int maxErrorsKept) {
    public static final SyncSettings DEFAULTS = new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(30),
            Duration.ofMinutes(16), Duration.ofSeconds(20), 50);
}
