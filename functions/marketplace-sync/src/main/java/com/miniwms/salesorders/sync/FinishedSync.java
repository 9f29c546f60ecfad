package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.domain.Channel;

/**
 * A run that ended, as it is announced.
 *
 * @param run     its saved history entry
 * @param window  the window it read, or {@code null} when it failed before choosing one
 * @param failure for a FAILED run, what stopped it; otherwise {@code null}
 */
public record FinishedSync(Channel channel, SyncRecord run, FetchWindow window, String failure) {

    public FinishedSync {
        if ((run.status() == SyncStatus.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure goes with a FAILED run, and only with one");
        }
    }

    public boolean failed() {
        return failure != null;
    }
}
