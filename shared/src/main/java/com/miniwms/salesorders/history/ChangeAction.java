package com.miniwms.salesorders.history;

/** What a history entry records. */
public enum ChangeAction {
    CREATED,
    /** Header or lines changed (and possibly the status with them). */
    UPDATED,
    /** Only the status (and its reason) changed. */
    STATUS_CHANGED,
    DELETED
}
