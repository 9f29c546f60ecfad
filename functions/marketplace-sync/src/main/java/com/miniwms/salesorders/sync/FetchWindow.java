package com.miniwms.salesorders.sync;

import java.time.Instant;

/** The range of last-update times a run asks for, both ends inclusive, UTC. */
public record FetchWindow(Instant from, Instant to) {

    public FetchWindow {
        if (from == null || to == null || from.isAfter(to)) {
            throw new IllegalArgumentException("a window runs from a time to a later one: " + from + ".." + to);
        }
    }
}
