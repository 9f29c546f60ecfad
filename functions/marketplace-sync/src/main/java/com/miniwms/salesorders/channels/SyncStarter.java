package com.miniwms.salesorders.channels;

/** Starts one sync run of a connection now, without waiting for it ("sync now"). */
public interface SyncStarter {

    void start(String connectionId, String syncId);
}
