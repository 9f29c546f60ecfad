package com.miniwms.salesorders.sync;

import java.time.Instant;

/**
 * Where a connection's sync stands: the watermark (every order updated up to it has been read), and the window and
 * cursor of a run that stopped part-way, which the next run resumes.
 */
public record SyncState(Instant watermark, FetchWindow inFlightWindow, String inFlightCursor) {
    public static final SyncState NEW = new SyncState(null, null, null);

    public boolean hasRunInFlight() {
        return inFlightWindow != null;
    }
}
