package com.miniwms.salesorders.events;

import java.time.Instant;

/**
 * One event to publish.
 *
 * @param eventId the stable id (also inside {@code detail}): the same change always gives the same id, so a
 *                consumer drops a duplicate delivered after a retry
 * @param type    the {@code detail-type}
 * @param time    when the change happened
 * @param detail  the JSON {@code detail}
 */
public record OrderEvent(String eventId, OrderEventType type, Instant time, String detail) {
}
