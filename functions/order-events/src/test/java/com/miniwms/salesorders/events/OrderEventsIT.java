package com.miniwms.salesorders.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.history.ChangeSource;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.local.emulator.AwsClients;
import com.miniwms.salesorders.local.emulator.DynamoDbStreamEvents;
import com.miniwms.salesorders.local.emulator.MotoExtension;
import com.miniwms.salesorders.local.emulator.ProvisionedStack;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.DynamoDbOrderRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events function against the emulator: changes made through the service reach the table stream, the stream
 * records are handed to the handler as Lambda hands them, and what the bus accepted is read back through a rule
 * that forwards every event of the service to a queue.
 */
@ExtendWith(MotoExtension.class)
class OrderEventsIT {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static String tapQueue;

    private ProvisionedStack stack;
    private AwsClients aws;
    private OrderService service;
    private String number;

    @BeforeAll
    static void tapTheBus(ProvisionedStack stack, AwsClients aws) {
        String bus = stack.physicalId("EventBus");
        String name = "tap-" + stack.stackName();
        tapQueue = aws.sqs().createQueue(r -> r.queueName(name)).queueUrl();
        String arn = aws.sqs().getQueueAttributes(r -> r.queueUrl(tapQueue).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        aws.eventBridge().putRule(r -> r.name(name).eventBusName(bus)
                .eventPattern("{\"source\":[\"" + OrderEventType.SOURCE + "\"]}"));
        aws.eventBridge().putTargets(r -> r.rule(name).eventBusName(bus)
                .targets(Target.builder().id("tap").arn(arn).build()));
    }

    @BeforeEach
    void setUp(ProvisionedStack stack, AwsClients aws) {
        this.stack = stack;
        this.aws = aws;
        service = new OrderService(new DynamoDbOrderRepository(aws.dynamoDb(), stack.physicalId("OrdersTable")),
                Clock.systemUTC());
        number = "EV" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + "X"
                + RUN.incrementAndGet();
    }

    private SalesOrder draft() {
        return new SalesOrder(number, Channel.MANUAL, null, null, null, null, "W1", LocalDate.of(2026, 12, 1),
                new ShipTo("Jane Smith", "1 Main St", null, null, "Leeds", null, "LS1 1AA", "GB", null, null),
                null, null, null, List.of(OrderLine.of(1, "00042", "Widget", 2, null)), 0, null, null, null, null);
    }

    /** The stream records of this test's order: its order item's and its history's, in stream order. */
    private List<Record> records() {
        String streamArn = stack.resource("OrdersTable").orElseThrow().attributes().get("StreamArn");
        return DynamoDbStreamEvents.readAll(aws.dynamoDbStreams(), streamArn).stream()
                .filter(r -> r.dynamodb().keys().get("pk").s().endsWith("#" + number))
                .toList();
    }

    private DynamodbEvent event(List<Record> records) {
        String streamArn = stack.resource("OrdersTable").orElseThrow().attributes().get("StreamArn");
        return DynamoDbStreamEvents.event(records, streamArn, stack.region());
    }

    private OrderEventsHandler handler(EventSink sink) {
        return new OrderEventsHandler(new EventPublisher(sink,
                message -> aws.sqs().sendMessage(r -> r.queueUrl(deadLetterQueue()).messageBody(message)),
                stack.physicalId("EventBus"), duration -> { }));
    }

    private EventSink bus() {
        return entries -> aws.eventBridge().putEvents(r -> r.entries(entries)).entries();
    }

    private String deadLetterQueue() {
        return stack.resource("OrderEventsDeadLetterQueue").orElseThrow().attributes().get("QueueUrl");
    }

    /** Events of this test's order that reached the tap queue, waiting until {@code expected} have arrived. */
    private List<JsonNode> published(int expected) throws Exception {
        List<JsonNode> mine = new ArrayList<>();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (mine.size() < expected && System.nanoTime() < deadline) {
            for (JsonNode event : drain(tapQueue)) {
                if (event.path("detail").path("orderNumber").asText().equals(number)) {
                    mine.add(event);
                } else {
                    LEFTOVERS.add(event);
                }
            }
            List<JsonNode> others = new ArrayList<>();
            for (JsonNode event : LEFTOVERS) {
                if (event.path("detail").path("orderNumber").asText().equals(number)) {
                    mine.add(event);
                } else {
                    others.add(event);
                }
            }
            LEFTOVERS.clear();
            LEFTOVERS.addAll(others);
        }
        // Anything more than expected would arrive with the same batch; look once more.
        for (JsonNode event : drain(tapQueue)) {
            (event.path("detail").path("orderNumber").asText().equals(number) ? mine : LEFTOVERS).add(event);
        }
        return mine;
    }

    private static final List<JsonNode> LEFTOVERS = new ArrayList<>();

    private List<JsonNode> drain(String queue) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        List<Message> messages = aws.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
        for (Message message : messages) {
            bodies.add(Json.MAPPER.readTree(message.body()));
            aws.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
        }
        return bodies;
    }

    @Test
    void eachKindOfChangeYieldsExactlyTheExpectedEventsWithSchemaValidBodies() throws Exception {
        service.create(draft(), "alice");
        service.updateHeader(number, 1, draft().shipTo(), "W7", null, null, null, null, "bob");
        service.withSource(ChangeSource.SYNC).changeStatus(number, 2, OrderStatus.ON_HOLD, "address check",
                "shopify:main");
        service.changeStatus(number, 3, OrderStatus.CANCELLED, "customer asked", "bob");
        service.delete(number, 4, "carol");

        List<Record> records = records();
        StreamsEventResponse response = handler(bus()).handleRequest(event(records), null);
        assertThat(response.getBatchItemFailures()).isEmpty();

        // Created; Updated (wave); StatusChanged (to ON_HOLD); StatusChanged and Cancelled; Deleted.
        List<JsonNode> events = published(6);
        assertThat(events).extracting(e -> e.path("detail-type").asText()).containsExactlyInAnyOrder(
                "SalesOrderCreated", "SalesOrderUpdated", "SalesOrderStatusChanged", "SalesOrderStatusChanged",
                "SalesOrderCancelled", "SalesOrderDeleted");
        for (JsonNode event : events) {
            assertThat(event.path("source").asText()).isEqualTo(OrderEventType.SOURCE);
            String type = event.path("detail-type").asText();
            String detail = Json.MAPPER.writeValueAsString(event.path("detail"));
            assertThat(EventSchemas.problems(type, detail)).as("%s: %s", type, detail).isEmpty();
        }
        assertThat(events).extracting(e -> e.path("detail").path("eventId").asText()).doesNotHaveDuplicates();
        JsonNode held = events.stream().filter(e -> e.path("detail").path("status").path("after").asText()
                .equals("ON_HOLD")).findFirst().orElseThrow().path("detail");
        assertThat(held.path("changedBy").asText()).isEqualTo("shopify:main");
        assertThat(held.path("changeSource").asText()).isEqualTo("SYNC");
        assertThat(held.path("status").path("before").asText()).isEqualTo("AVAILABLE");
        assertThat(held.path("version").asLong()).isEqualTo(3);
        JsonNode updated = events.stream().filter(e -> e.path("detail-type").asText().equals("SalesOrderUpdated"))
                .findFirst().orElseThrow().path("detail");
        assertThat(updated.path("changedFields")).extracting(JsonNode::asText).containsExactly("wave");
        assertThat(updated.toString()).doesNotContain("Jane").doesNotContain("Leeds");
    }

    @Test
    void theSameRecordsDeliveredTwiceGiveTheSameEventIds() throws Exception {
        service.create(draft(), "alice");
        DynamodbEvent event = event(records());
        handler(bus()).handleRequest(event, null);
        handler(bus()).handleRequest(event, null);

        List<JsonNode> events = published(2);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("detail").path("eventId").asText())
                .isEqualTo(events.get(1).path("detail").path("eventId").asText());
    }

    @Test
    void aPutEventsCallThatFailsForSomeEntriesIsRetriedForJustThose() throws Exception {
        service.create(draft(), "alice");
        service.updateHeader(number, 1, draft().shipTo(), "W2", null, null, null, null, "bob");
        service.changeStatus(number, 2, OrderStatus.CANCELLED, "customer asked", "bob");

        List<List<String>> calls = new ArrayList<>();
        EventSink real = bus();
        EventSink flaky = entries -> {
            calls.add(entries.stream().map(PutEventsRequestEntry::detailType).toList());
            if (calls.size() > 1) {
                return real.put(entries);
            }
            // First call: the bus takes the first and third entries and refuses the others.
            List<PutEventsRequestEntry> taken = List.of(entries.get(0), entries.get(2));
            List<PutEventsResultEntry> results = new ArrayList<>(real.put(taken));
            List<PutEventsResultEntry> all = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                all.add(i == 0 || i == 2 ? results.remove(0) : PutEventsResultEntry.builder()
                        .errorCode("ThrottlingException").errorMessage("slow down").build());
            }
            return all;
        };
        StreamsEventResponse response = handler(flaky).handleRequest(event(records()), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).containsExactly("SalesOrderCreated", "SalesOrderUpdated",
                "SalesOrderStatusChanged", "SalesOrderCancelled");
        assertThat(calls.get(1)).containsExactly("SalesOrderUpdated", "SalesOrderCancelled");
        List<JsonNode> events = published(4);
        assertThat(events).extracting(e -> e.path("detail-type").asText()).containsExactlyInAnyOrder(
                "SalesOrderCreated", "SalesOrderUpdated", "SalesOrderStatusChanged", "SalesOrderCancelled");
    }

    @Test
    void aRecordThatKeepsFailingEndsInTheDeadLetterQueueWithoutBlockingTheRecordsAfterIt() throws Exception {
        service.create(draft(), "alice");
        service.updateHeader(number, 1, draft().shipTo(), "W2", null, null, null, null, "bob");
        service.updateHeader(number, 2, draft().shipTo(), "W3", null, null, null, null, "bob");
        List<Record> records = records();
        String poisonVersion = "\"version\":2";
        EventSink real = bus();
        EventSink refusing = entries -> {
            List<PutEventsResultEntry> results = new ArrayList<>();
            for (PutEventsRequestEntry entry : entries) {
                results.add(entry.detail().contains(poisonVersion)
                        ? PutEventsResultEntry.builder().errorCode("InternalFailure").errorMessage("no").build()
                        : real.put(List.of(entry)).get(0));
            }
            return results;
        };
        StreamsEventResponse response = handler(refusing).handleRequest(event(records), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<JsonNode> events = published(2);
        assertThat(events).extracting(e -> e.path("detail").path("version").asInt()).containsExactlyInAnyOrder(1, 3);
        List<JsonNode> dead = new ArrayList<>();
        for (int i = 0; i < 5 && dead.isEmpty(); i++) {
            drain(deadLetterQueue()).stream().filter(m -> m.path("keys").path("pk").asText().endsWith(number))
                    .forEach(dead::add);
        }
        assertThat(dead).singleElement().satisfies(message -> {
            assertThat(message.path("reason").asText()).contains("not accepted");
            assertThat(message.path("failedEvents").get(0).path("detailType").asText()).isEqualTo("SalesOrderUpdated");
        });
    }

    @Test
    void recordsThatAreNotHistoryEntriesPublishNothing() throws Exception {
        service.create(draft(), "alice");
        List<Record> orderOnly = records().stream()
                .filter(r -> r.dynamodb().keys().get("pk").s().startsWith("ORDER#")).toList();
        assertThat(orderOnly).isNotEmpty();
        StreamsEventResponse response = handler(bus()).handleRequest(event(orderOnly), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(published(0)).isEmpty();
    }
}
