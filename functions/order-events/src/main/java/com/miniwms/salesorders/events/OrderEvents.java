package com.miniwms.salesorders.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.history.ChangeAction;
import com.miniwms.salesorders.history.FieldChange;
import com.miniwms.salesorders.history.OrderHistoryEntry;
import com.miniwms.salesorders.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The events one history entry stands for.
 *
 * <ul>
 *   <li>created: {@code SalesOrderCreated}; deleted: {@code SalesOrderDeleted}</li>
 *   <li>a status change: {@code SalesOrderStatusChanged}, and {@code SalesOrderCancelled} as well when the new
 *       status is CANCELLED</li>
 *   <li>header or line values changed: {@code SalesOrderUpdated} (with a status change in the same write, both)</li>
 * </ul>
 * Events name the changed fields but carry no values: addresses and notes stay in the service, behind its API.
 */
public final class OrderEvents {
    private static final Set<String> STATUS_FIELDS = Set.of("status", "statusReason");

    private OrderEvents() {
    }

    public static List<OrderEvent> of(OrderHistoryEntry entry) {
        List<OrderEvent> events = new ArrayList<>();
        if (entry.action() == ChangeAction.CREATED) {
            events.add(event(OrderEventType.SalesOrderCreated, entry));
            return events;
        }
        if (entry.action() == ChangeAction.DELETED) {
            events.add(event(OrderEventType.SalesOrderDeleted, entry));
            return events;
        }
        if (entry.changes().stream().anyMatch(c -> !STATUS_FIELDS.contains(c.field()))) {
            events.add(event(OrderEventType.SalesOrderUpdated, entry));
        }
        if (entry.statusChanged()) {
            events.add(event(OrderEventType.SalesOrderStatusChanged, entry));
            if (entry.statusAfter() == OrderStatus.CANCELLED) {
                events.add(event(OrderEventType.SalesOrderCancelled, entry));
            }
        }
        return events;
    }

    /** Stable: derived from the change's id and the event type only. */
    static String eventId(String changeId, OrderEventType type) {
        return UUID.nameUUIDFromBytes((changeId + "/" + type.name()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static OrderEvent event(OrderEventType type, OrderHistoryEntry entry) {
        String id = eventId(entry.changeId(), type);
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("eventId", id);
        detail.put("eventType", type.name());
        detail.put("occurredAt", entry.at().toString());
        detail.put("orderNumber", entry.orderNumber());
        detail.put("version", entry.version());
        detail.put("channel", entry.channel().name());
        detail.put("changedBy", entry.changedBy());
        detail.put("changeSource", entry.source().name());
        detail.put("changeId", entry.changeId());
        ObjectNode status = detail.putObject("status");
        if (entry.statusBefore() != null) {
            status.put("before", entry.statusBefore().name());
        }
        if (entry.statusAfter() != null) {
            status.put("after", entry.statusAfter().name());
        }
        ArrayNode fields = detail.putArray("changedFields");
        Set<String> names = new LinkedHashSet<>();
        for (FieldChange change : entry.changes()) {
            names.add(change.field());
        }
        names.forEach(fields::add);
        try {
            return new OrderEvent(id, type, entry.at(), Json.MAPPER.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
