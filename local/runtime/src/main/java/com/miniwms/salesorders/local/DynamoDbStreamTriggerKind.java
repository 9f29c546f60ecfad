package com.miniwms.salesorders.local;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.miniwms.salesorders.local.emulator.DynamoDbStreamEvents;
import com.miniwms.salesorders.local.emulator.LocalLog;
import com.miniwms.salesorders.local.emulator.SamEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@code Type: DynamoDB} events: polls the table's stream on the emulator and hands each batch of records to the
 * function as Lambda's event source mapping does: in shard order, at most {@code BatchSize} records, a
 * {@code DynamodbEvent} in Lambda's event model. With {@code ReportBatchItemFailures} the batch is retried from
 * the first failed record; a function error retries the batch, halving it first when
 * {@code BisectBatchOnFunctionError} is on; after {@code MaximumRetryAttempts} the records are skipped with a
 * warning (on AWS they would go to the on-failure destination). {@code FilterCriteria} are not applied locally:
 * the function receives every record.
 */
final class DynamoDbStreamTriggerKind implements TriggerKind {

    static final String TYPE = "DynamoDB";
    private static final long POLL_MILLIS = 250;

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Trigger start(TriggerContext context, List<FunctionEvent> events) {
        List<StreamPoller> pollers = new ArrayList<>();
        for (FunctionEvent event : events) {
            if (!event.function().loaded()) {
                LocalLog.warn("Stream events of " + event.function().logicalId() + " are not delivered: "
                        + event.function().unavailableReason());
                continue;
            }
            String streamArn;
            try {
                var resolver = context.stack().resolver();
                streamArn = resolver.resolveString(resolver.resolve(event.event().properties().get("Stream")));
            } catch (RuntimeException e) {
                LocalLog.warn("Stream of " + event.function().logicalId() + "." + event.event().name()
                        + " has no local value (" + e.getMessage() + "); not delivered");
                continue;
            }
            pollers.add(new StreamPoller(event.function(), event.event(), streamArn, context.stack().region(),
                    context.aws().clients().dynamoDbStreams()));
        }
        pollers.forEach(StreamPoller::start);
        return new StreamTrigger(pollers);
    }

    /** The running stream deliveries. */
    static final class StreamTrigger implements Trigger {
        private final List<StreamPoller> pollers;

        StreamTrigger(List<StreamPoller> pollers) {
            this.pollers = pollers;
        }

        @Override
        public String description() {
            return "DynamoDB stream delivery to " + pollers.stream().map(p -> p.function.logicalId()).toList();
        }

        @Override
        public void close() {
            pollers.forEach(StreamPoller::stop);
        }
    }

    /** One event source mapping: a thread reading every shard of one stream. */
    static final class StreamPoller implements Runnable {
        private final LocalFunction function;
        private final String streamArn;
        private final String region;
        private final DynamoDbStreamsClient streams;
        private final int batchSize;
        private final int maxRetries;
        private final boolean bisect;
        private final boolean reportFailures;
        private final ShardIteratorType startAt;
        private final Map<String, String> iterators = new HashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        StreamPoller(LocalFunction function, SamEvent event, String streamArn, String region,
                     DynamoDbStreamsClient streams) {
            this.function = function;
            this.streamArn = streamArn;
            this.region = region;
            this.streams = streams;
            this.batchSize = integer(event.string("BatchSize").orElse("100"), 100);
            this.maxRetries = integer(event.string("MaximumRetryAttempts").orElse("-1"), -1);
            this.bisect = Boolean.parseBoolean(event.string("BisectBatchOnFunctionError").orElse("false"));
            Object types = event.properties().get("FunctionResponseTypes");
            this.reportFailures = types instanceof List<?> list && list.contains("ReportBatchItemFailures");
            this.startAt = "LATEST".equals(event.string("StartingPosition").orElse("TRIM_HORIZON"))
                    ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
            this.thread = new Thread(this, "stream-" + function.logicalId());
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() {
            running = false;
            thread.interrupt();
        }

        @Override
        public void run() {
            while (running) {
                try {
                    pollOnce();
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (running) {
                        LocalLog.warn("Reading stream " + streamArn + " failed: " + e.getMessage());
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException stop) {
                            return;
                        }
                    }
                }
            }
        }

        /** Reads each shard once and delivers what it found; returns the number of records delivered. */
        int pollOnce() {
            int delivered = 0;
            for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
                String iterator = iterators.get(shard.shardId());
                if (iterator == null && !iterators.containsKey(shard.shardId())) {
                    iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                            .shardIteratorType(startAt)).shardIterator();
                }
                if (iterator == null) {
                    continue;
                }
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current).limit(batchSize));
                iterators.put(shard.shardId(), page.nextShardIterator());
                if (!page.records().isEmpty()) {
                    deliver(page.records());
                    delivered += page.records().size();
                }
            }
            return delivered;
        }

        /** Delivers one batch until it succeeds or its retries are used up. */
        void deliver(List<Record> batch) {
            List<Record> pending = batch;
            int attempt = 0;
            while (!pending.isEmpty() && running) {
                Object response;
                try {
                    response = function.invoke(DynamoDbStreamEvents.event(pending, streamArn, region),
                            function.newContext());
                } catch (RuntimeException e) {
                    LocalLog.warn(function.logicalId() + " failed on " + pending.size() + " stream records: " + e);
                    if (bisect && pending.size() > 1) {
                        int half = pending.size() / 2;
                        deliver(pending.subList(0, half));
                        deliver(pending.subList(half, pending.size()));
                        return;
                    }
                    if (!retry(++attempt, pending)) {
                        return;
                    }
                    continue;
                }
                int failedAt = reportFailures ? firstFailure(response, pending) : -1;
                if (failedAt < 0) {
                    return;
                }
                pending = pending.subList(failedAt, pending.size());
                if (!retry(++attempt, pending)) {
                    return;
                }
            }
        }

        private boolean retry(int attempt, List<Record> pending) {
            if (maxRetries >= 0 && attempt > maxRetries) {
                LocalLog.warn("Skipping " + pending.size() + " stream records after " + maxRetries
                        + " retries, from sequence number " + pending.get(0).dynamodb().sequenceNumber()
                        + " (on AWS: the on-failure destination)");
                return false;
            }
            try {
                Thread.sleep(Math.min(5000, 100L << Math.min(attempt, 6)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return true;
        }

        /** Index of the first record the function reported as failed, or -1. */
        private static int firstFailure(Object response, List<Record> batch) {
            if (!(response instanceof StreamsEventResponse streamsResponse)
                    || streamsResponse.getBatchItemFailures() == null
                    || streamsResponse.getBatchItemFailures().isEmpty()) {
                return -1;
            }
            int first = -1;
            for (StreamsEventResponse.BatchItemFailure failure : streamsResponse.getBatchItemFailures()) {
                for (int i = 0; i < batch.size(); i++) {
                    if (batch.get(i).dynamodb().sequenceNumber().equals(failure.getItemIdentifier())
                            && (first < 0 || i < first)) {
                        first = i;
                    }
                }
            }
            // An identifier that names no record of the batch fails the whole batch, as on AWS.
            return first < 0 ? 0 : first;
        }

        private static int integer(String text, int fallback) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
