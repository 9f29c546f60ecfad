package com.miniwms.salesorders.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.miniwms.salesorders.local.emulator.LocalLog;
import com.miniwms.salesorders.local.emulator.SamEvent;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code Type: S3} events ({@code s3:ObjectCreated:*}): the emulator does not call functions in this JVM, so the
 * buckets are watched instead. Every {@link #POLL} the objects under each event's prefix are listed; an object that
 * is new or was written again (another ETag or modification time) is delivered to its function as the
 * {@link S3Event} S3 would send, one record per object, with the key URL-encoded as S3 encodes it.
 */
final class S3TriggerKind implements TriggerKind {
    static final String TYPE = "S3";
    /** How often the buckets are listed; an upload is delivered within about this long. */
    static final Duration POLL = Duration.ofMillis(500);

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Trigger start(TriggerContext context, List<FunctionEvent> events) {
        S3Client s3 = context.aws().clients().s3();
        List<Watch> watches = new ArrayList<>();
        for (FunctionEvent event : events) {
            SamEvent definition = event.event();
            Object bucketProperty = definition.properties().get("Bucket");
            String bucket = context.stack().resolver().resolveString(bucketProperty);
            String events0 = String.valueOf(definition.properties().get("Events"));
            if (!events0.contains("ObjectCreated")) {
                LocalLog.info("Not run locally: " + event.function().logicalId() + "." + definition.name()
                        + " (" + events0 + ")");
                continue;
            }
            String prefix = "";
            String suffix = "";
            Object rules = definition.map("Filter").isEmpty() ? null
                    : asMap(definition.map("Filter").get("S3Key"))
                    .get("Rules");
            if (rules instanceof List<?> list) {
                for (Object rule : list) {
                    Map<String, Object> r = asMap(rule);
                    String name = String.valueOf(r.get("Name"));
                    String value = context.stack().resolver().resolveString(r.get("Value"));
                    if (name.equalsIgnoreCase("prefix")) {
                        prefix = value;
                    } else if (name.equalsIgnoreCase("suffix")) {
                        suffix = value;
                    }
                }
            }
            watches.add(new Watch(event.function(), bucket, prefix, suffix, context.stack().region()));
        }
        S3Trigger trigger = new S3Trigger(s3, watches);
        trigger.start();
        return trigger;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** One bucket prefix watched for one function. */
    static final class Watch {
        final LocalFunction function;
        final String bucket;
        final String prefix;
        final String suffix;
        final String region;
        final Map<String, String> seen = new HashMap<>();
        long sequence;

        Watch(LocalFunction function, String bucket, String prefix, String suffix, String region) {
            this.function = function;
            this.bucket = bucket;
            this.prefix = prefix;
            this.suffix = suffix;
            this.region = region;
        }
    }

    static final class S3Trigger implements Trigger {
        private final S3Client s3;
        private final List<Watch> watches;
        private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-s3-notifications");
            t.setDaemon(true);
            return t;
        });
        private final ExecutorService invoker = Executors.newVirtualThreadPerTaskExecutor();

        S3Trigger(S3Client s3, List<Watch> watches) {
            this.s3 = s3;
            this.watches = watches;
        }

        void start() {
            for (Watch watch : watches) {
                poll(watch, false);
            }
            poller.scheduleWithFixedDelay(() -> watches.forEach(w -> poll(w, true)), POLL.toMillis(),
                    POLL.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void poll(Watch watch, boolean deliver) {
            try {
                String token = null;
                do {
                    String continuation = token;
                    ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(watch.bucket).prefix(watch.prefix)
                            .continuationToken(continuation));
                    for (S3Object object : page.contents()) {
                        if (!object.key().endsWith(watch.suffix)) {
                            continue;
                        }
                        String version = object.eTag() + "@" + object.lastModified();
                        String previous = watch.seen.put(object.key(), version);
                        if (deliver && !version.equals(previous)) {
                            S3Event event = event(watch, object);
                            invoker.submit(() -> invoke(watch, object.key(), event));
                        }
                    }
                    token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
                } while (token != null);
            } catch (RuntimeException e) {
                LocalLog.warn("Watching s3://" + watch.bucket + "/" + watch.prefix + " failed: " + e.getMessage());
            }
        }

        private void invoke(Watch watch, String key, S3Event event) {
            try {
                Object result = watch.function.invoke(event, watch.function.newContext());
                LocalLog.info("S3 " + key + " -> " + watch.function.logicalId() + ": " + result);
            } catch (RuntimeException e) {
                LocalLog.error("S3 " + key + " -> " + watch.function.logicalId() + " failed", e);
            }
        }

        static S3Event event(Watch watch, S3Object object) {
            String sequencer = String.format("%016X", ++watch.sequence);
            var entity = new S3EventNotification.S3Entity("LocalNotification",
                    new S3EventNotification.S3BucketEntity(watch.bucket,
                            new S3EventNotification.UserIdentityEntity("local"), "arn:aws:s3:::" + watch.bucket),
                    new S3EventNotification.S3ObjectEntity(URLEncoder.encode(object.key(), StandardCharsets.UTF_8),
                            object.size(), object.eTag(), null, sequencer),
                    "1.0");
            var record = new S3EventNotification.S3EventNotificationRecord(watch.region, "ObjectCreated:Put",
                    "aws:s3", object.lastModified().toString(), "2.1",
                    new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                    new S3EventNotification.ResponseElementsEntity("local", "local"), entity,
                    new S3EventNotification.UserIdentityEntity("local-user"));
            return new S3Event(List.of(record));
        }

        @Override
        public String description() {
            return "S3 notifications for " + watches.stream().map(w -> "s3://" + w.bucket + "/" + w.prefix
                    + " -> " + w.function.logicalId()).toList();
        }

        @Override
        public void close() {
            poller.shutdownNow();
            invoker.shutdown();
        }
    }
}
