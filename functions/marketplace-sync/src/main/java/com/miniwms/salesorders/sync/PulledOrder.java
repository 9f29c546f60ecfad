package com.miniwms.salesorders.sync;

import java.time.Instant;

/**
 * One order of a page: either mapped, or an order the mapping refused, with the reason. {@code updatedAt} is known
 * for a refused order when the marketplace sent a readable one, so it can be fetched again.
 */
public record PulledOrder(String externalOrderId, Instant updatedAt, ChannelOrder order, String error) {

    public static PulledOrder of(ChannelOrder order) {
        return new PulledOrder(order.externalOrderId(), order.updatedAt(), order, null);
    }

    public static PulledOrder malformed(String externalOrderId, Instant updatedAt, String error) {
        return new PulledOrder(externalOrderId, updatedAt, null, error);
    }
}
