package com.miniwms.salesorders.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A sales order: header and lines, kept and read together. Instances are immutable; every change makes a new
 * instance through one of the {@code with...} methods.
 */
public record SalesOrder(
        String orderNumber,
        Channel channel,
        String channelConnectionId,
        String externalOrderId,
        OrderStatus status,
        String statusReason,
        String wave,
        LocalDate orderDate,
        ShipTo shipTo,
        String currency,
        Totals totals,
        String notes,
        List<OrderLine> lines,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public SalesOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public int lineCount() {
        return lines.size();
    }

    public Optional<OrderLine> line(int lineNumber) {
        return lines.stream().filter(l -> l.lineNumber() == lineNumber).findFirst();
    }

    public int nextLineNumber() {
        return lines.stream().mapToInt(OrderLine::lineNumber).max().orElse(0) + 1;
    }

    /** The header fields a person may edit; everything else is owned by the service or the warehouse. */
    public SalesOrder withHeader(ShipTo newShipTo, String newWave, LocalDate newOrderDate, String newCurrency,
                                 Totals newTotals, String newNotes) {
        return new SalesOrder(orderNumber, channel, channelConnectionId, externalOrderId, status, statusReason,
                newWave, newOrderDate, newShipTo, newCurrency, newTotals, newNotes, lines, version, createdAt,
                createdBy, updatedAt, updatedBy);
    }

    /** Lines stay in the order they were given, so error messages can point at them by position. */
    public SalesOrder withLines(List<OrderLine> newLines) {
        return new SalesOrder(orderNumber, channel, channelConnectionId, externalOrderId, status, statusReason,
                wave, orderDate, shipTo, currency, totals, notes, newLines, version, createdAt, createdBy, updatedAt,
                updatedBy);
    }

    public SalesOrder withStatus(OrderStatus newStatus, String reason) {
        return new SalesOrder(orderNumber, channel, channelConnectionId, externalOrderId, newStatus, reason, wave,
                orderDate, shipTo, currency, totals, notes, lines, version, createdAt, createdBy, updatedAt,
                updatedBy);
    }

    public SalesOrder withOrderNumber(String newOrderNumber) {
        return new SalesOrder(newOrderNumber, channel, channelConnectionId, externalOrderId, status, statusReason,
                wave, orderDate, shipTo, currency, totals, notes, lines, version, createdAt, createdBy, updatedAt,
                updatedBy);
    }

    /** Stamps a change: the next version, who made it and when. */
    public SalesOrder changedBy(String who, Instant when) {
        return new SalesOrder(orderNumber, channel, channelConnectionId, externalOrderId, status, statusReason,
                wave, orderDate, shipTo, currency, totals, notes, lines, version + 1, createdAt, createdBy, when, who);
    }

    /** Stamps creation: version 1, created and updated by the same caller at the same time. */
    public SalesOrder createdBy(String who, Instant when) {
        return new SalesOrder(orderNumber, channel, channelConnectionId, externalOrderId, status, statusReason,
                wave, orderDate, shipTo, currency, totals, notes, lines, 1, when, who, when, who);
    }

    /** Text clean-up of every field a person or a file can supply. */
    public SalesOrder normalised() {
        return new SalesOrder(
                upper(Text.clean(orderNumber)),
                channel, Text.clean(channelConnectionId), Text.clean(externalOrderId), status,
                Text.clean(statusReason), Text.clean(wave), orderDate,
                shipTo == null ? null : shipTo.normalised(),
                upper(Text.clean(currency)),
                totals == null || totals.hasNoValues() ? null : totals.normalised(),
                Text.trim(notes),
                lines.stream().map(OrderLine::normalised).toList(),
                version, createdAt, createdBy, updatedAt, updatedBy);
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
