package com.miniwms.salesorders.channels;

/** A connection was written by someone else between read and write. */
public class ConnectionConflictException extends RuntimeException {
    public ConnectionConflictException(String connectionId) {
        super("Channel connection " + connectionId + " was changed meanwhile; read it again");
    }
}
