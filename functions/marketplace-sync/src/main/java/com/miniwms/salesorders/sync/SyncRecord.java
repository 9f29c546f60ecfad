package com.miniwms.salesorders.sync;

import java.time.Instant;
import java.util.List;

/** One entry of a connection's sync history. */
public record SyncRecord(
        String connectionId,
        String syncId,
        SyncStatus status,
        Instant startedAt,
        Instant finishedAt,
        int pages,
        SyncCounts counts,
        List<String> errors) {

    public SyncRecord {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
