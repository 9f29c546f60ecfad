package com.miniwms.salesorders.local.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * For tests of what a function publishes: a rule on the stack's {@code EventBus} forwards the events of the given
 * detail-types, from the moment the tap is opened, to a queue of the tap's own.
 */
public final class BusTap {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WAIT_SECONDS = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    private BusTap(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public static BusTap open(LocalAws aws, String... detailTypes) {
        AwsClients clients = aws.clients();
        String bus = aws.stack().physicalId("EventBus");
        String name = "tap-" + UUID.randomUUID().toString().substring(0, 8);
        String queueUrl = clients.sqs().createQueue(r -> r.queueName(name)).queueUrl();
        String queueArn = clients.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
        String types = Arrays.stream(detailTypes).map(type -> "\"" + type + "\"").collect(Collectors.joining(","));
        clients.eventBridge().putRule(r -> r.name(name).eventBusName(bus)
                .eventPattern("{\"detail-type\":[" + types + "]}"));
        clients.eventBridge().putTargets(r -> r.rule(name).eventBusName(bus)
                .targets(Target.builder().id("tap").arn(queueArn).build()));
        return new BusTap(clients.sqs(), queueUrl);
    }

    /**
     * The events that arrived and match {@code wanted}, as EventBridge delivers them (source, detail-type, detail,
     * ...): once {@code count} of them are there, or after ten seconds with fewer.
     */
    public List<JsonNode> await(int count, Predicate<JsonNode> wanted) {
        List<JsonNode> events = new ArrayList<>();
        for (int second = 0; second < WAIT_SECONDS && events.size() < count; second++) {
            for (Message message : sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)
                    .maxNumberOfMessages(10)).messages()) {
                JsonNode event = parse(message.body());
                if (wanted.test(event)) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
