package com.miniwms.salesorders.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.miniwms.salesorders.local.emulator.LocalAws;
import com.miniwms.salesorders.local.emulator.LocalLog;
import com.miniwms.salesorders.local.emulator.ProvisionedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Makes what the functions publish visible: a rule on each event bus of the stack forwards every event to a local
 * queue, which this tap reads and prints as one line per event ({@code event <detail-type> <detail>}). The last
 * events are kept for tests ({@link #events()}).
 */
final class EventBusTap implements Trigger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT = 1000;

    private final SqsClient sqs;
    private final String queueUrl;
    private final List<String> buses;
    private final Consumer<String> out;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private EventBusTap(SqsClient sqs, String queueUrl, List<String> buses, Consumer<String> out) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.buses = buses;
        this.out = out;
        this.thread = new Thread(this::run, "event-bus-tap");
        this.thread.setDaemon(true);
    }

    /** Taps every {@code AWS::Events::EventBus} of the stack; {@code null} when it has none. */
    static EventBusTap start(LocalAws aws, Consumer<String> out) {
        List<String> buses = aws.stack().resources().values().stream()
                .filter(r -> r.type().equals("AWS::Events::EventBus"))
                .map(ProvisionedResource::physicalId).toList();
        if (buses.isEmpty()) {
            return null;
        }
        SqsClient sqs = aws.clients().sqs();
        String name = aws.stack().stackName() + "-local-event-tap";
        String queueUrl = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        String pattern = "{\"account\":[\"" + aws.stack().accountId() + "\"]}";
        for (String bus : buses) {
            aws.clients().eventBridge().putRule(r -> r.name(name).eventBusName(bus).eventPattern(pattern));
            aws.clients().eventBridge().putTargets(r -> r.rule(name).eventBusName(bus)
                    .targets(Target.builder().id("local-tap").arn(queueArn).build()));
        }
        EventBusTap tap = new EventBusTap(sqs, queueUrl, buses, out);
        tap.thread.start();
        return tap;
    }

    /** The events seen so far (the last thousand), as EventBridge delivers them. */
    List<JsonNode> events() {
        return new ArrayList<>(events);
    }

    @Override
    public String description() {
        return "events published to " + buses + " printed here";
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    private void run() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages();
                for (Message message : messages) {
                    show(message.body());
                    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LocalLog.debug("Reading the event tap failed: " + e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void show(String body) {
        try {
            JsonNode event = JSON.readTree(body);
            events.add(event);
            while (events.size() > KEPT) {
                events.remove(0);
            }
            out.accept("event " + event.path("detail-type").asText() + " " + JSON.writeValueAsString(
                    event.path("detail")));
        } catch (Exception e) {
            out.accept("event (unreadable) " + body);
        }
    }
}
