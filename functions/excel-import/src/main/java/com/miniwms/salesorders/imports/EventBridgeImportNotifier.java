package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.aws.EventBusPublisher;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Publishes {@code OrderImportCompleted} to the service's bus. An entry the bus still refuses after a few attempts
 * fails the call, so the function fails and the upload notification is delivered again, which announces the
 * finished import once more under the same id.
 */
public final class EventBridgeImportNotifier implements ImportNotifier {
    private final EventBusPublisher bus;
    private final String bucket;

    public EventBridgeImportNotifier(EventBridgeClient events, String busName, String bucket) {
        this.bus = new EventBusPublisher(events, busName);
        this.bucket = bucket;
    }

    @Override
    public void completed(ImportRecord record) {
        bus.publish(ImportCompletedEvent.TYPE, record.finishedAt(), ImportCompletedEvent.of(record, bucket),
                "import " + record.importId());
    }
}
