package com.miniwms.salesorders.sync;

/** How a sync run ended (or that it is still going). */
public enum SyncStatus {
    RUNNING,
    SUCCEEDED,
    /** Every page was read, but some orders could not be imported (they are tried again next run). */
    PARTIALLY_SUCCEEDED,
    FAILED
}
