package com.miniwms.salesorders.api;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.domain.Totals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The request bodies the API accepts. Unknown fields are refused; read-only fields are named as such. */
final class Requests {
    /** Fields the service owns on every order. */
    static final Set<String> SERVICE_FIELDS = Set.of("version", "createdAt", "createdBy", "updatedAt", "updatedBy");
    /** Fields that exist on the order but are not changed by a header update. */
    static final Set<String> NOT_HEADER_FIELDS = Set.of("orderNumber", "channel", "channelConnectionId",
            "externalOrderId", "status", "statusReason", "lines", "version", "createdAt", "createdBy", "updatedAt",
            "updatedBy");
    /** Line fields the warehouse fills in; a person does not type them. */
    static final Set<String> WAREHOUSE_LINE_FIELDS = Set.of("quantityAllocated", "quantityPicked", "quantityShort");

    private Requests() {
    }

    record CreateOrder(String orderNumber, Channel channel, String channelConnectionId, String externalOrderId,
                       OrderStatus status, String statusReason, String wave, LocalDate orderDate, ShipTo shipTo,
                       String currency, Totals totals, String notes, List<Line> lines) {
    }

    record UpdateHeader(ShipTo shipTo, String wave, LocalDate orderDate, String currency, Totals totals,
                        String notes) {
    }

    record Line(Integer lineNumber, String sku, String description, Integer quantityOrdered, BigDecimal unitPrice) {
    }

    record ChangeStatus(OrderStatus status, String reason) {
    }
}
