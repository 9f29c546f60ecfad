package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.aws.EventBusPublisher;

import java.util.function.Consumer;

/**
 * Publishes {@code ChannelSyncCompleted} or {@code ChannelSyncFailed} to the service's bus.
 *
 * <p>An event the bus will not take is reported to {@code warnings} and dropped rather than failing the
 * invocation: the run is saved by then and the connection's next scheduled run announces its own end, while a
 * failed invocation would be retried as a whole run, pulling the marketplace again and, for "sync now", replacing
 * the history entry of the run whose announcement failed.
 */
public final class EventBridgeSyncNotifier implements SyncNotifier {
    private final EventBusPublisher bus;
    private final Consumer<String> warnings;

    public EventBridgeSyncNotifier(EventBusPublisher bus, Consumer<String> warnings) {
        this.bus = bus;
        this.warnings = warnings;
    }

    @Override
    public void finished(FinishedSync sync) {
        ChannelSyncEvent event = ChannelSyncEvent.of(sync);
        try {
            bus.publish(event.eventType(), event.occurredAt(), event, "sync " + event.syncId());
        } catch (RuntimeException e) {
            warnings.accept(event.eventType() + " of sync " + event.syncId() + " was not published: "
                    + e.getMessage());
        }
    }
}
