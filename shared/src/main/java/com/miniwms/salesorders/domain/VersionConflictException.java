package com.miniwms.salesorders.domain;

/** The caller changed an order from a version that is no longer current. */
public class VersionConflictException extends RuntimeException {
    private final long expectedVersion;
    private final Long currentVersion;

    public VersionConflictException(String orderNumber, long expectedVersion, Long currentVersion) {
        super("Sales order " + orderNumber + " was changed by someone else: you sent version " + expectedVersion
                + (currentVersion == null ? "" : ", it is now at version " + currentVersion)
                + "; read it again and retry");
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public Long currentVersion() {
        return currentVersion;
    }
}
