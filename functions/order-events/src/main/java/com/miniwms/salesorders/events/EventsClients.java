package com.miniwms.salesorders.events;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The events function's real dependencies, built once per process from the standard SDK chains. */
final class EventsClients {
    private static volatile EventPublisher publisher;

    private EventsClients() {
    }

    static EventPublisher publisher() {
        EventPublisher current = publisher;
        if (current == null) {
            synchronized (EventsClients.class) {
                current = publisher;
                if (current == null) {
                    EventsConfig config = EventsConfig.fromEnvironment();
                    EventBridgeClient events = EventBridgeClient.builder()
                            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
                    SqsClient sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
                    current = new EventPublisher(
                            entries -> events.putEvents(r -> r.entries(entries)).entries(),
                            message -> sqs.sendMessage(r -> r.queueUrl(config.deadLetterQueueUrl())
                                    .messageBody(message)),
                            config.eventBusName(),
                            duration -> Thread.sleep(duration.toMillis()));
                    publisher = current;
                }
            }
        }
        return current;
    }
}
