package com.miniwms.salesorders.service;

import com.miniwms.salesorders.domain.SalesOrder;

/**
 * What {@link OrderService#createAll} did with one draft.
 *
 * @param kind    created, left alone because the number is taken, or refused by the order rules
 * @param order   the order as stored when created; the draft otherwise
 * @param problem why it was refused; {@code null} unless {@link Kind#INVALID}
 */
public record CreateOutcome(Kind kind, SalesOrder order, String problem) {

    public enum Kind { CREATED, ALREADY_EXISTS, INVALID }
}
