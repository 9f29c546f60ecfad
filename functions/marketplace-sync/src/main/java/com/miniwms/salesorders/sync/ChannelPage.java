package com.miniwms.salesorders.sync;

import java.util.List;

/** One page of orders and the cursor of the next page ({@code null} after the last page). */
public record ChannelPage(List<PulledOrder> orders, String nextCursor) {

    public ChannelPage {
        orders = List.copyOf(orders);
    }
}
