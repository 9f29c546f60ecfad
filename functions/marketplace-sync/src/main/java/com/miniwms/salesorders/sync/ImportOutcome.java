package com.miniwms.salesorders.sync;

/** What importing one marketplace order did. */
public enum ImportOutcome {
    CREATED,
    UPDATED,
    UNCHANGED
}
