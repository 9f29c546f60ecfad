package com.miniwms.salesorders.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Opens the package's hand-moved clock to tests of other packages. */
public final class MutableClockAccess {
    private MutableClockAccess() {
    }

    public static Clock at(Instant start) {
        return new MutableClock(start);
    }

    public static void advance(Clock clock, Duration by) {
        ((MutableClock) clock).advance(by);
    }
}
