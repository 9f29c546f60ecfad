package com.miniwms.salesorders.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.miniwms.salesorders.json.Json;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes the events of a batch of stream records so that none is lost.
 *
 * <ol>
 *   <li>Entries go out in PutEvents calls of at most 10 entries and 256 KB.</li>
 *   <li>Entries the bus refuses (an error code in the result) are sent again, only they, with back-off, up to
 *       {@link #MAX_ATTEMPTS} times in all.</li>
 *   <li>A call refused as a whole (a 4xx other than throttling: one bad entry spoils the call) is split in halves
 *       until the bad entry stands alone; the others still go out.</li>
 *   <li>A record whose entries still fail, or that cannot be read at all, goes to the dead-letter queue with the
 *       reason, and the records after it carry on.</li>
 *   <li>A record that could not be published only because the bus could not be reached (or the dead-letter queue
 *       refused it) is reported back as a batch item failure: Lambda retries from it, bisecting the batch, and
 *       after its retries sends it to the mapping's on-failure destination.</li>
 * </ol>
 * Retries can deliver an event twice; its {@code eventId} is stable, so consumers drop the duplicate.
 */
public final class EventPublisher {
    public static final int MAX_ATTEMPTS = 4;
    private static final Duration BASE_BACKOFF = Duration.ofMillis(100);

    /** Waits between attempts; tests pass one that does not wait. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * One stream record's part of the batch.
     *
     * @param recordId   the stream sequence number (what a batch item failure names)
     * @param keys       the item's key, for the dead-letter message
     * @param events     the record's events (empty for a record with nothing to publish)
     * @param unreadable why the record could not be turned into events, else {@code null}
     */
    public record Work(String recordId, Map<String, String> keys, List<OrderEvent> events, String unreadable) {
    }

    /**
     * What happened to a batch.
     *
     * @param published         events accepted by the bus
     * @param deadLettered      records sent to the dead-letter queue
     * @param failedRecordIds   records to report as batch item failures, in batch order
     * @param putEventsCalls    PutEvents calls made
     */
    public record Outcome(int published, int deadLettered, List<String> failedRecordIds, int putEventsCalls) {
    }

    private final EventSink sink;
    private final DeadLetters deadLetters;
    private final String busName;
    private final Sleeper sleeper;

    public EventPublisher(EventSink sink, DeadLetters deadLetters, String busName, Sleeper sleeper) {
        this.sink = sink;
        this.deadLetters = deadLetters;
        this.busName = busName;
        this.sleeper = sleeper;
    }

    /** One entry on its way, with what went wrong with it so far. */
    private static final class Pending {
        final int record;
        final OrderEvent event;
        final PutEventsRequestEntry entry;
        final int size;
        String error;
        boolean permanent;
        boolean unreachable;

        Pending(int record, OrderEvent event, PutEventsRequestEntry entry) {
            this.record = record;
            this.event = event;
            this.entry = entry;
            this.size = entrySize(entry);
        }
    }

    public Outcome publish(List<Work> batch) {
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            for (OrderEvent event : batch.get(i).events()) {
                pending.add(new Pending(i, event, entry(event)));
            }
        }
        int[] calls = {0};
        int total = pending.size();
        List<Pending> failed = new ArrayList<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            List<Pending> refused = new ArrayList<>();
            for (List<Pending> chunk : chunks(pending)) {
                send(chunk, refused, calls);
            }
            refused.stream().filter(p -> p.permanent).forEach(failed::add);
            pending = refused.stream().filter(p -> !p.permanent).toList();
        }
        failed.addAll(pending);
        int published = total - failed.size();

        Map<Integer, List<Pending>> failedByRecord = new LinkedHashMap<>();
        for (Pending p : failed) {
            failedByRecord.computeIfAbsent(p.record, r -> new ArrayList<>()).add(p);
        }
        int deadLettered = 0;
        List<String> failedRecords = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Work work = batch.get(i);
            List<Pending> problems = failedByRecord.get(i);
            String reason = work.unreadable();
            if (reason == null && problems == null) {
                continue;
            }
            if (reason == null && problems.stream().allMatch(p -> p.unreachable)) {
                failedRecords.add(work.recordId());
                continue;
            }
            try {
                deadLetters.send(deadLetter(work, reason, problems));
                deadLettered++;
            } catch (RuntimeException e) {
                failedRecords.add(work.recordId());
            }
        }
        return new Outcome(published, deadLettered, failedRecords, calls[0]);
    }

    private void send(List<Pending> chunk, List<Pending> failed, int[] calls) {
        List<PutEventsResultEntry> results;
        try {
            calls[0]++;
            results = sink.put(chunk.stream().map(p -> p.entry).toList());
        } catch (SdkServiceException e) {
            if (e.statusCode() >= 400 && e.statusCode() < 500 && !e.isThrottlingException()) {
                if (chunk.size() > 1) {
                    int half = chunk.size() / 2;
                    send(chunk.subList(0, half), failed, calls);
                    send(chunk.subList(half, chunk.size()), failed, calls);
                    return;
                }
                Pending alone = chunk.get(0);
                alone.error = errorOf(e);
                alone.permanent = true;
                alone.unreachable = false;
                failed.add(alone);
                return;
            }
            markUnreachable(chunk, failed, errorOf(e));
            return;
        } catch (SdkException e) {
            markUnreachable(chunk, failed, e.getClass().getSimpleName());
            return;
        }
        for (int i = 0; i < chunk.size(); i++) {
            PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
            Pending p = chunk.get(i);
            if (result == null || result.errorCode() != null) {
                p.error = result == null ? "no result" : result.errorCode() + ": " + result.errorMessage();
                p.unreachable = false;
                failed.add(p);
            }
        }
    }

    private static void markUnreachable(List<Pending> chunk, List<Pending> failed, String error) {
        for (Pending p : chunk) {
            p.error = error;
            p.unreachable = true;
            failed.add(p);
        }
    }

    private void pause(int attempt) {
        try {
            sleeper.sleep(BASE_BACKOFF.multipliedBy(1L << (attempt - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Consecutive entries in calls of at most 10 entries and 256 KB. */
    static List<List<Pending>> chunks(List<Pending> entries) {
        List<List<Pending>> chunks = new ArrayList<>();
        List<Pending> current = new ArrayList<>();
        int bytes = 0;
        for (Pending p : entries) {
            if (!current.isEmpty() && (current.size() == EventSink.MAX_ENTRIES || bytes + p.size > EventSink.MAX_BYTES)) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(p);
            bytes += p.size;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private PutEventsRequestEntry entry(OrderEvent event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(OrderEventType.SOURCE)
                .detailType(event.type().name())
                .time(event.time())
                .detail(event.detail())
                .build();
    }

    /** The size PutEvents counts: source, detail type, detail, resources and 14 bytes for the time. */
    private static int entrySize(PutEventsRequestEntry entry) {
        return utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail()) + 14;
    }

    private static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String errorOf(SdkServiceException e) {
        String code = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? aws.awsErrorDetails().errorCode() : null;
        return code == null ? "HTTP " + e.statusCode() : code;
    }

    /** What the dead-letter queue gets: keys, reason and the events' ids and types, no order data. */
    private static String deadLetter(Work work, String reason, List<Pending> problems) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("recordId", work.recordId());
        ObjectNode keys = message.putObject("keys");
        work.keys().forEach(keys::put);
        message.put("reason", reason != null ? "unreadable record: " + reason
                : "events not accepted after " + MAX_ATTEMPTS + " attempts");
        ArrayNode events = message.putArray("failedEvents");
        Set<String> seen = new LinkedHashSet<>();
        if (problems != null) {
            for (Pending p : problems) {
                if (seen.add(p.event.eventId())) {
                    ObjectNode e = events.addObject();
                    e.put("eventId", p.event.eventId());
                    e.put("detailType", p.event.type().name());
                    e.put("error", p.error);
                    e.put("detail", p.event.detail());
                }
            }
        }
        try {
            return Json.MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
