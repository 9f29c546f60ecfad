package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.domain.Totals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Marketplace orders for the engine and importer tests. */
final class TestOrders {
    static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");

    private TestOrders() {
    }

    static ChannelOrder order(String id, Instant updatedAt) {
        return order(id, updatedAt, "Anna Berg", List.of(new ChannelLine(id + "-1", "MUG-RED", "Mug red", 2,
                new BigDecimal("12.99"))));
    }

    static ChannelOrder order(String id, Instant updatedAt, String name, List<ChannelLine> lines) {
        return new ChannelOrder(id, "#" + id, T0.minusSeconds(3600), updatedAt, false, null,
                new ShipTo(name, "Hauptstr. 1", null, null, "Berlin", null, "10115", "DE", null, "anna@example.com"),
                "EUR", new Totals(null, new BigDecimal("4.99"), null, null, new BigDecimal("30.97")), lines);
    }

    static ChannelOrder cancelled(String id, Instant updatedAt) {
        ChannelOrder o = order(id, updatedAt);
        return new ChannelOrder(o.externalOrderId(), o.displayNumber(), o.createdAt(), updatedAt, true, "CUSTOMER",
                o.shipTo(), o.currency(), o.totals(), o.lines());
    }
}
