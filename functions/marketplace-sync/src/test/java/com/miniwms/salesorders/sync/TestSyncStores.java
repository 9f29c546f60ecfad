package com.miniwms.salesorders.sync;

/** Opens the package's in-memory sync store to tests of other packages. */
public final class TestSyncStores {
    private TestSyncStores() {
    }

    public static SyncStore inMemory() {
        return new InMemorySyncStore();
    }
}
