package com.miniwms.salesorders.channels;

/** Keeps one schedule per connection that starts its sync. */
public interface SyncScheduler {

    /** Creates or updates the connection's schedule; a disabled connection's schedule is kept but disabled. */
    void put(String connectionId, String expression, boolean enabled);

    /** Removes the connection's schedule, if there is one. */
    void remove(String connectionId);
}
