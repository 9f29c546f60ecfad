package com.miniwms.salesorders.history;

import java.util.Objects;

/**
 * Who makes a change and through which way in: recorded in the order's history and carried by its events.
 *
 * @param who the caller (user name or client id from the token, the import's file, the sync's connection)
 * @param source API, import or sync
 */
public record ChangeContext(String who, ChangeSource source) {
    public static final String UNKNOWN = "unknown";

    public ChangeContext {
        who = who == null || who.isBlank() ? UNKNOWN : who;
        Objects.requireNonNull(source, "source");
    }

    /** A change made through the HTTP API. */
    public static ChangeContext api(String who) {
        return new ChangeContext(who, ChangeSource.API);
    }
}
