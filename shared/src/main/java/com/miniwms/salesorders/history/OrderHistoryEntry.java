package com.miniwms.salesorders.history;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One accepted change of an order, stored in the same transaction as the change itself.
 *
 * @param changeId     unique id of this change; events derived from it carry ids computed from it
 * @param orderNumber  the order
 * @param version      the order's version after the change (for a delete: the version that was deleted)
 * @param at           when
 * @param changedBy    who
 * @param source       which way in
 * @param action       what kind of change
 * @param channel      the order's channel
 * @param statusBefore the status before the change (absent on create)
 * @param statusAfter  the status after the change (absent on delete)
 * @param changes      the changed values
 */
public record OrderHistoryEntry(String changeId, String orderNumber, long version, Instant at, String changedBy,
                                ChangeSource source, ChangeAction action, Channel channel, OrderStatus statusBefore,
                                OrderStatus statusAfter, List<FieldChange> changes) {

    public OrderHistoryEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public static OrderHistoryEntry created(SalesOrder order, ChangeContext context) {
        return new OrderHistoryEntry(UUID.randomUUID().toString(), order.orderNumber(), order.version(),
                order.updatedAt(), context.who(), context.source(), ChangeAction.CREATED, order.channel(), null,
                order.status(), OrderDiff.between(null, order));
    }

    public static OrderHistoryEntry updated(SalesOrder before, SalesOrder after, ChangeContext context) {
        List<FieldChange> changes = OrderDiff.between(before, after);
        boolean onlyStatus = before.status() != after.status() && changes.stream()
                .allMatch(c -> c.field().equals("status") || c.field().equals("statusReason"));
        return new OrderHistoryEntry(UUID.randomUUID().toString(), after.orderNumber(), after.version(),
                after.updatedAt(), context.who(), context.source(),
                onlyStatus ? ChangeAction.STATUS_CHANGED : ChangeAction.UPDATED, after.channel(), before.status(),
                after.status(), changes);
    }

    public static OrderHistoryEntry deleted(SalesOrder order, ChangeContext context, Instant at) {
        return new OrderHistoryEntry(UUID.randomUUID().toString(), order.orderNumber(), order.version(), at,
                context.who(), context.source(), ChangeAction.DELETED, order.channel(), order.status(), null,
                List.of());
    }

    /** True when the status differs before and after (creation and deletion included). */
    public boolean statusChanged() {
        return statusBefore != statusAfter;
    }
}
