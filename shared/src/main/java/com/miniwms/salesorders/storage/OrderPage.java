package com.miniwms.salesorders.storage;

import java.util.List;

/** One page of a list; {@code nextCursor} is null on the last page. */
public record OrderPage(List<OrderSummary> items, String nextCursor) {
    public OrderPage {
        items = List.copyOf(items);
    }
}
