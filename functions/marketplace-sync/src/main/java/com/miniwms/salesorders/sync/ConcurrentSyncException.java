package com.miniwms.salesorders.sync;

/** Another writer changed what the sync knows about an external order first. */
public class ConcurrentSyncException extends RuntimeException {
    public ConcurrentSyncException(String connectionId, String externalOrderId) {
        super("External order " + externalOrderId + " of connection " + connectionId + " was changed concurrently");
    }
}
