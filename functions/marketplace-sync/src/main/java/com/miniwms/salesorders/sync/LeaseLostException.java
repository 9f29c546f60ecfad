package com.miniwms.salesorders.sync;

/** A run's lease expired and another run took the connection over; the first run must stop writing. */
public class LeaseLostException extends RuntimeException {
    public LeaseLostException(String connectionId) {
        super("The sync lease of connection " + connectionId + " is held by another run");
    }
}
