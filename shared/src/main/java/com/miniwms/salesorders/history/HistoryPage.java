package com.miniwms.salesorders.history;

import java.util.List;

/** One page of an order's history, newest first; {@code nextCursor} is absent on the last page. */
public record HistoryPage(List<OrderHistoryEntry> items, String nextCursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public HistoryPage {
        items = List.copyOf(items);
    }
}
