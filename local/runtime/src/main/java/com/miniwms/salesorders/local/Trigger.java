package com.miniwms.salesorders.local;

/** A running event source; closing it stops delivery. */
interface Trigger extends AutoCloseable {

    /** One line for the console, for example {@code HTTP API on http://127.0.0.1:3000 (9 routes)}. */
    String description();

    @Override
    void close();
}
