package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderStatus;

import java.time.LocalDate;

/**
 * A list request. {@code q} searches order numbers and ship-to names by prefix, case-insensitively;
 * {@code from}/{@code to} bound the order date, inclusive. The cursor is the opaque token of a previous page.
 */
public record OrderQuery(OrderStatus status, Channel channel, LocalDate from, LocalDate to, String q, int limit,
                         String cursor) {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    /** A fingerprint of the filters, so a cursor can only continue the query that produced it. */
    public String filterFingerprint() {
        return String.join("|", String.valueOf(status), String.valueOf(channel), String.valueOf(from),
                String.valueOf(to), q == null ? "" : q.toLowerCase(java.util.Locale.ROOT));
    }
}
