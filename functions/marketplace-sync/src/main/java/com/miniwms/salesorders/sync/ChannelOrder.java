package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.domain.Totals;

import java.time.Instant;
import java.util.List;

/**
 * An order as a marketplace reports it, already mapped to the service's terms. {@code updatedAt} orders the
 * versions of one external order; {@code cancelled} says the shop cancelled it.
 */
public record ChannelOrder(
        String externalOrderId,
        String displayNumber,
        Instant createdAt,
        Instant updatedAt,
        boolean cancelled,
        String cancelReason,
        ShipTo shipTo,
        String currency,
        Totals totals,
        List<ChannelLine> lines) {

    public ChannelOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
