package com.miniwms.salesorders.domain;

import java.math.BigDecimal;

/**
 * One order line. The SKU is the WMS item number and always a string. Allocated, picked and short quantities are
 * filled in by the warehouse later and start at zero.
 */
public record OrderLine(
        int lineNumber,
        String sku,
        String description,
        int quantityOrdered,
        int quantityAllocated,
        int quantityPicked,
        int quantityShort,
        BigDecimal unitPrice) {

    public static OrderLine of(int lineNumber, String sku, String description, int quantityOrdered, BigDecimal unitPrice) {
        return new OrderLine(lineNumber, sku, description, quantityOrdered, 0, 0, 0, unitPrice);
    }

    public OrderLine normalised() {
        return new OrderLine(lineNumber, Text.clean(sku), Text.clean(description), quantityOrdered,
                quantityAllocated, quantityPicked, quantityShort, Money.normalise(unitPrice));
    }
}
