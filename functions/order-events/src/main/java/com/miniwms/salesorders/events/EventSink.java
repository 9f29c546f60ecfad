package com.miniwms.salesorders.events;

import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.List;

/** Where events go: one PutEvents call. The result has one entry per request entry, in the same order. */
public interface EventSink {
    int MAX_ENTRIES = 10;
    int MAX_BYTES = 256 * 1024;

    List<PutEventsResultEntry> put(List<PutEventsRequestEntry> entries);
}
