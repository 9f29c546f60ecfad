package com.miniwms.salesorders.domain;

import java.math.BigDecimal;

/** Optional money totals of an order, in the order's currency. */
public record Totals(BigDecimal subtotal, BigDecimal shipping, BigDecimal tax, BigDecimal discount, BigDecimal total) {

    public Totals normalised() {
        return new Totals(Money.normalise(subtotal), Money.normalise(shipping), Money.normalise(tax),
                Money.normalise(discount), Money.normalise(total));
    }

    public boolean hasNoValues() {
        return subtotal == null && shipping == null && tax == null && discount == null && total == null;
    }
}
