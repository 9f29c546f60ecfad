package com.miniwms.salesorders.sync;

import java.time.Instant;

/**
 * What the sync knows about one external order: the marketplace's update time last applied, and a reason when a
 * person must look at it (for example a cancellation that came after the warehouse allocated the order).
 */
public record ExternalOrderState(String connectionId, String externalOrderId, String orderNumber,
                                 Instant appliedUpdatedAt, String attention) {
}
