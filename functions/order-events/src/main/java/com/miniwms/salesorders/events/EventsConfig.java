package com.miniwms.salesorders.events;

import com.miniwms.salesorders.config.Settings;

/**
 * The events function's configuration, read once.
 *
 * @param eventBusName       the service's bus ({@code EVENT_BUS_NAME})
 * @param deadLetterQueueUrl the queue for records that cannot be published ({@code DEAD_LETTER_QUEUE_URL})
 */
public record EventsConfig(String eventBusName, String deadLetterQueueUrl) {

    public static EventsConfig fromEnvironment() {
        return new EventsConfig(Settings.require("EVENT_BUS_NAME"), Settings.require("DEAD_LETTER_QUEUE_URL"));
    }
}
