package com.miniwms.salesorders.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Order statuses. The numeric codes are those of the original Mini-WMS (0, 3, 7, 8); ON_HOLD and CANCELLED are
 * this service's additions and have no code there.
 *
 * <pre>
 * AVAILABLE -> ALLOCATED, ON_HOLD, CANCELLED
 * ON_HOLD   -> AVAILABLE, CANCELLED
 * ALLOCATED -> PICKED, AVAILABLE (allocation released)
 * PICKED    -> CLOSED
 * CLOSED, CANCELLED: final
 * </pre>
 */
public enum OrderStatus {
    AVAILABLE(0),
    ON_HOLD(null),
    ALLOCATED(3),
    PICKED(7),
    CLOSED(8),
    CANCELLED(null);

    private final Integer legacyCode;

    OrderStatus(Integer legacyCode) {
        this.legacyCode = legacyCode;
    }

    public Integer legacyCode() {
        return legacyCode;
    }

    public Set<OrderStatus> allowedNext() {
        return switch (this) {
            case AVAILABLE -> EnumSet.of(ALLOCATED, ON_HOLD, CANCELLED);
            case ON_HOLD -> EnumSet.of(AVAILABLE, CANCELLED);
            case ALLOCATED -> EnumSet.of(PICKED, AVAILABLE);
            case PICKED -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus next) {
        return allowedNext().contains(next);
    }

    /** Header and lines may be changed only before the warehouse has started work on the order. */
    public boolean allowsEdits() {
        return this == AVAILABLE || this == ON_HOLD;
    }

    /** An order may be deleted until it is allocated; a cancelled order may be deleted too. */
    public boolean allowsDelete() {
        return this == AVAILABLE || this == ON_HOLD || this == CANCELLED;
    }

    /** Moving here needs a reason a person can read later. */
    public boolean requiresReason() {
        return this == ON_HOLD || this == CANCELLED;
    }
}
