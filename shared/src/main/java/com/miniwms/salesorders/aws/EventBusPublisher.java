package com.miniwms.salesorders.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.miniwms.salesorders.json.Json;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.time.Instant;

/**
 * Puts one event at a time on the service's bus, for functions that announce the end of a piece of work. An entry
 * the bus refuses is sent again a few times; if it is still refused the call fails, and the caller decides what
 * that means for its work.
 */
public final class EventBusPublisher {
    /** The source of every event of this service. */
    public static final String SOURCE = "com.miniwms.sales-orders";
    private static final int ATTEMPTS = 3;

    private final EventBridgeClient events;
    private final String busName;

    public EventBusPublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    /** A publisher with its own small client (region, credentials and endpoint from the SDK's standard chains). */
    public static EventBusPublisher create(String busName) {
        return new EventBusPublisher(EventBridgeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build(), busName);
    }

    /**
     * @param detail  serialised with {@link Json#MAPPER}
     * @param subject what the event is about, for the failure's message (for example {@code "import 42"})
     * @throws IllegalStateException the bus refused the entry every time
     */
    public void publish(String detailType, Instant time, Object detail, String subject) {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(SOURCE)
                .detailType(detailType)
                .time(time)
                .detail(json(detail))
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
        throw new IllegalStateException("The bus refused the " + detailType + " event of " + subject + " "
                + ATTEMPTS + " times (" + refusal + ")");
    }

    private static String json(Object detail) {
        try {
            return Json.MAPPER.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
