package com.miniwms.salesorders.events;

/** Where a record that cannot be published goes, for a person to look at and replay. */
public interface DeadLetters {
    void send(String message);
}
