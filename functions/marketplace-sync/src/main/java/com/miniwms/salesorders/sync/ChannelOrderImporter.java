package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.DuplicateExternalOrderException;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.service.OrderService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies one marketplace order to the sales orders, idempotently, keyed on (connection, external order id):
 * <ul>
 *   <li>an unknown order is created with the next readable order number (a new order the shop already cancelled is
 *       not created);</li>
 *   <li>a known order changes only if the marketplace's update time is newer than the one last applied, and only in
 *       what the warehouse has not taken over: ship-to, lines and totals while AVAILABLE or ON_HOLD;</li>
 *   <li>a cancellation cancels the order while AVAILABLE or ON_HOLD; later, the order keeps its status and is
 *       flagged for a person;</li>
 *   <li>lines without a SKU put the order ON_HOLD with the reason, and it goes back to AVAILABLE once they have one.</li>
 * </ul>
 */
public final class ChannelOrderImporter {
    static final String MISSING_SKU_REASON = "Marketplace order has lines without a SKU: ";
    private static final int ATTEMPTS = 5;

    private final OrderService orders;
    private final SyncStore store;

    public ChannelOrderImporter(OrderService orders, SyncStore store) {
        this.orders = orders;
        this.store = store;
    }

    public ImportOutcome apply(Channel channel, String connectionId, ChannelOrder incoming) {
        check(incoming);
        String caller = "sync:" + connectionId;
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(channel, connectionId, incoming, caller);
            } catch (DuplicateExternalOrderException | ConcurrentSyncException
                     | com.miniwms.salesorders.domain.VersionConflictException e) {
                // Someone else wrote the same order meanwhile (another run, or a person): read again and retry.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private ImportOutcome applyOnce(Channel channel, String connectionId, ChannelOrder incoming, String caller) {
        String externalId = incoming.externalOrderId();
        Optional<ExternalOrderState> known = store.externalOrder(connectionId, externalId);
        Optional<SalesOrder> existing = orders.findByExternalOrder(connectionId, externalId);
        if (existing.isEmpty()) {
            if (incoming.cancelled()) {
                remember(connectionId, incoming, null, known, null);
                return ImportOutcome.UNCHANGED;
            }
            SalesOrder created = orders.create(draft(channel, connectionId, incoming), caller);
            remember(connectionId, incoming, created.orderNumber(), known, null);
            return ImportOutcome.CREATED;
        }
        SalesOrder current = existing.get();
        if (known.isPresent() && known.get().appliedUpdatedAt() != null
                && !incoming.updatedAt().isAfter(known.get().appliedUpdatedAt())) {
            return ImportOutcome.UNCHANGED;
        }
        String attention = known.map(ExternalOrderState::attention).orElse(null);
        ImportOutcome outcome;
        if (incoming.cancelled()) {
            if (current.status().allowsEdits()) {
                orders.saveFromChannel(current.withStatus(OrderStatus.CANCELLED, cancelReason(incoming)),
                        current.version(), caller);
                outcome = ImportOutcome.UPDATED;
            } else if (current.status() == OrderStatus.CANCELLED) {
                outcome = ImportOutcome.UNCHANGED;
            } else {
                attention = "Cancelled in the shop while the order is " + current.status()
                        + "; a person must decide" + (incoming.cancelReason() == null ? ""
                        : " (reason: " + incoming.cancelReason() + ")");
                outcome = ImportOutcome.UPDATED;
            }
        } else if (current.status().allowsEdits()) {
            SalesOrder changed = withChannelContent(current, incoming);
            if (sameContent(changed, current)) {
                outcome = ImportOutcome.UNCHANGED;
            } else {
                orders.saveFromChannel(changed, current.version(), caller);
                outcome = ImportOutcome.UPDATED;
            }
        } else {
            // The warehouse owns the order now; the shop's later edits are not applied.
            outcome = ImportOutcome.UNCHANGED;
        }
        remember(connectionId, incoming, current.orderNumber(), known, attention);
        return outcome;
    }

    private void remember(String connectionId, ChannelOrder incoming, String orderNumber,
                          Optional<ExternalOrderState> known, String attention) {
        store.saveExternalOrder(new ExternalOrderState(connectionId, incoming.externalOrderId(), orderNumber,
                incoming.updatedAt(), attention), known.map(ExternalOrderState::appliedUpdatedAt).orElse(null));
    }

    private static SalesOrder draft(Channel channel, String connectionId, ChannelOrder incoming) {
        List<OrderLine> lines = lines(incoming);
        String hold = holdReason(lines);
        return new SalesOrder(null, channel, connectionId, incoming.externalOrderId(),
                hold == null ? OrderStatus.AVAILABLE : OrderStatus.ON_HOLD, hold, null,
                incoming.createdAt() == null ? null
                        : java.time.LocalDate.ofInstant(incoming.createdAt(), java.time.ZoneOffset.UTC),
                incoming.shipTo(), incoming.currency(), incoming.totals(), notes(channel, incoming), lines,
                0, null, null, null, null);
    }

    private static SalesOrder withChannelContent(SalesOrder current, ChannelOrder incoming) {
        List<OrderLine> lines = lines(incoming);
        String hold = holdReason(lines);
        SalesOrder changed = current.withHeader(incoming.shipTo(), current.wave(), current.orderDate(),
                incoming.currency(), incoming.totals(), current.notes()).withLines(lines);
        if (hold != null) {
            return changed.withStatus(OrderStatus.ON_HOLD, hold);
        }
        boolean heldByUs = current.status() == OrderStatus.ON_HOLD && current.statusReason() != null
                && current.statusReason().startsWith(MISSING_SKU_REASON);
        return heldByUs ? changed.withStatus(OrderStatus.AVAILABLE, null) : changed;
    }

    /** Compares what the channel controls, after the same clean-up a save applies. */
    private static boolean sameContent(SalesOrder a, SalesOrder b) {
        SalesOrder x = a.normalised();
        SalesOrder y = b.normalised();
        return java.util.Objects.equals(x.shipTo(), y.shipTo()) && java.util.Objects.equals(x.lines(), y.lines())
                && java.util.Objects.equals(x.currency(), y.currency())
                && java.util.Objects.equals(x.totals(), y.totals())
                && x.status() == y.status() && java.util.Objects.equals(x.statusReason(), y.statusReason());
    }

    private static List<OrderLine> lines(ChannelOrder incoming) {
        List<OrderLine> lines = new ArrayList<>();
        for (ChannelLine line : incoming.lines()) {
            if (line.quantity() <= 0) {
                continue; // removed in the shop (Shopify's currentQuantity 0)
            }
            String sku = line.sku() == null || line.sku().isBlank() ? null : line.sku();
            lines.add(OrderLine.of(lines.size() + 1, sku, line.title(), line.quantity(), line.unitPrice()));
        }
        return lines;
    }

    private static String holdReason(List<OrderLine> lines) {
        List<String> missing = lines.stream().filter(l -> l.sku() == null)
                .map(l -> "line " + l.lineNumber() + (l.description() == null ? "" : " (" + l.description() + ")"))
                .toList();
        if (missing.isEmpty()) {
            return null;
        }
        String reason = MISSING_SKU_REASON + String.join(", ", missing);
        return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }

    private static String notes(Channel channel, ChannelOrder incoming) {
        return channel + " order " + (incoming.displayNumber() == null ? incoming.externalOrderId()
                : incoming.displayNumber() + " (" + incoming.externalOrderId() + ")");
    }

    private static String cancelReason(ChannelOrder incoming) {
        return "Cancelled in the shop" + (incoming.cancelReason() == null ? "" : ": " + incoming.cancelReason());
    }

    private static void check(ChannelOrder incoming) {
        if (incoming.externalOrderId() == null || incoming.externalOrderId().isBlank()) {
            throw new IllegalArgumentException("the order has no id");
        }
        if (incoming.updatedAt() == null) {
            throw new IllegalArgumentException("the order has no update time");
        }
        if (!incoming.cancelled() && incoming.lines().stream().noneMatch(l -> l.quantity() > 0)) {
            throw new IllegalArgumentException("the order has no lines to ship");
        }
    }
}
