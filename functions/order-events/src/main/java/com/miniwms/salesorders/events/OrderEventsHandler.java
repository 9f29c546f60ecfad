package com.miniwms.salesorders.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.miniwms.salesorders.storage.HistoryItemMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table stream to the service's event bus. Every history item inserted (one per accepted change, written with
 * the change) becomes its events; other records (order images, guards, idempotency records) carry nothing to
 * publish. Failed records are reported as batch item failures (the mapping has {@code ReportBatchItemFailures}).
 */
public final class OrderEventsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final EventPublisher publisher;

    public OrderEventsHandler() {
        this(EventsClients.publisher());
    }

    OrderEventsHandler(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<EventPublisher.Work> batch = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null
                ? List.of() : event.getRecords();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            batch.add(work(record));
        }
        EventPublisher.Outcome outcome = publisher.publish(batch);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log("records=" + records.size() + " published=" + outcome.published()
                    + " putEventsCalls=" + outcome.putEventsCalls() + " deadLettered=" + outcome.deadLettered()
                    + " failedRecords=" + outcome.failedRecordIds().size(),
                    outcome.failedRecordIds().isEmpty() && outcome.deadLettered() == 0 ? LogLevel.INFO : LogLevel.WARN);
        }
        List<StreamsEventResponse.BatchItemFailure> failures = outcome.failedRecordIds().stream()
                .map(StreamsEventResponse.BatchItemFailure::new).toList();
        return new StreamsEventResponse(new ArrayList<>(failures));
    }

    private static EventPublisher.Work work(DynamodbEvent.DynamodbStreamRecord record) {
        var stream = record.getDynamodb();
        String id = stream == null ? record.getEventID() : stream.getSequenceNumber();
        Map<String, String> keys = stream == null ? Map.of() : StreamImages.keys(stream.getKeys());
        if (!"INSERT".equals(record.getEventName()) || !HistoryItemMapper.isHistoryKey(keys.get("pk"))) {
            return new EventPublisher.Work(id, keys, List.of(), null);
        }
        try {
            var entry = HistoryItemMapper.fromItem(StreamImages.toSdk(stream.getNewImage()));
            return new EventPublisher.Work(id, keys, OrderEvents.of(entry), null);
        } catch (RuntimeException e) {
            return new EventPublisher.Work(id, keys, List.of(), e.getClass().getSimpleName());
        }
    }
}
