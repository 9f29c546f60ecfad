package com.miniwms.salesorders.sync;

/** What one run did to the orders it read. */
public record SyncCounts(int created, int updated, int unchanged, int failed) {
    public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0);

    public SyncCounts plus(ImportOutcome outcome) {
        return switch (outcome) {
            case CREATED -> new SyncCounts(created + 1, updated, unchanged, failed);
            case UPDATED -> new SyncCounts(created, updated + 1, unchanged, failed);
            case UNCHANGED -> new SyncCounts(created, updated, unchanged + 1, failed);
        };
    }

    public SyncCounts plusFailed() {
        return new SyncCounts(created, updated, unchanged, failed + 1);
    }
}
