package com.miniwms.salesorders.domain;

import java.math.BigDecimal;

/**
 * Money amounts keep the scale they were given ("9.90" stays "9.90"), except that exponents are written out
 * ("1E+3" becomes "1000") and zeros beyond the fourth decimal are dropped ("9.900000" becomes "9.9").
 */
public final class Money {
    public static final int MAX_FRACTION_DIGITS = 4;

    private Money() {
    }

    public static BigDecimal normalise(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal value = amount;
        if (value.scale() > MAX_FRACTION_DIGITS) {
            value = value.stripTrailingZeros();
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
