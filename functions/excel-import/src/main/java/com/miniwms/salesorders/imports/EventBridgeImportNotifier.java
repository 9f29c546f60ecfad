package com.miniwms.salesorders.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.miniwms.salesorders.json.Json;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes {@code OrderImportCompleted} to the service's bus. An entry the bus refuses is sent again a few times;
 * if it is still refused the call fails, so the function fails and the upload notification is delivered again,
 * which announces the finished import once more under the same id.
 */
public final class EventBridgeImportNotifier implements ImportNotifier {
    /** The source of every event of this service. */
    public static final String SOURCE = "com.miniwms.sales-orders";
    private static final int ATTEMPTS = 3;

    private final EventBridgeClient events;
    private final String busName;
    private final String bucket;

    public EventBridgeImportNotifier(EventBridgeClient events, String busName, String bucket) {
        this.events = events;
        this.busName = busName;
        this.bucket = bucket;
    }

    @Override
    public void completed(ImportRecord record) {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(SOURCE)
                .detailType(ImportCompletedEvent.TYPE)
                .time(record.finishedAt())
                .detail(detail(ImportCompletedEvent.of(record, bucket)))
                .build();
        String refusal = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            PutEventsResponse response = events.putEvents(b -> b.entries(entry));
            if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
                return;
            }
            PutEventsResultEntry result = response.entries().isEmpty() ? null : response.entries().getFirst();
            refusal = result == null ? "refused" : result.errorCode() + ": " + result.errorMessage();
        }
        throw new IllegalStateException("The bus refused the OrderImportCompleted event of import "
                + record.importId() + " " + ATTEMPTS + " times (" + refusal + ")");
    }

    private static String detail(ImportCompletedEvent event) {
        try {
            return Json.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
