package com.miniwms.salesorders.events;

import com.miniwms.salesorders.aws.EventBusPublisher;

/** The event types on the service's bus ({@code detail-type}); each has a JSON Schema in schemas/events/. */
public enum OrderEventType {
    SalesOrderCreated,
    SalesOrderUpdated,
    SalesOrderStatusChanged,
    SalesOrderCancelled,
    SalesOrderDeleted,
    OrderImportCompleted,
    ChannelSyncCompleted,
    ChannelSyncFailed;

    /** The {@code source} of every event this service publishes. */
    public static final String SOURCE = EventBusPublisher.SOURCE;
}
