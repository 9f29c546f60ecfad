package com.miniwms.salesorders.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.miniwms.salesorders.api.OrdersReadHandler;
import com.miniwms.salesorders.api.OrdersWriteHandler;
import com.miniwms.salesorders.aws.AwsClients;
import com.miniwms.salesorders.bench.launcher.EventJson;
import com.miniwms.salesorders.bench.launcher.LauncherContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Warm per-request time of the API handlers in this JVM against the bare DynamoDB call each request makes, to the
 * same emulator, through a client built the way the functions build theirs ({@link AwsClients#dynamoDb()}: the
 * URL-connection HTTP client, the SDK's default chains). Handler and bare call alternate request by request after a
 * warm-up, so both see the same JIT state and the same emulator load. Log lines are discarded.
 *
 * <p>Needs the functions' configuration in system properties ({@code LocalAws#applySystemProperties()}) and order
 * {@value #SEEDED_ORDER} in the table.
 */
public final class WarmBenchmark {
    /** Partition of an order's history entries (see the shared storage layout). */
    private static final String HISTORY_PREFIX = "HISTORY#";
    /** The order {@code events/orders-api/get-order.json} asks for. */
    public static final String SEEDED_ORDER = "SAL0001";
    /** The order item's key in the table layout (shared: storage.TableKeys). */
    private static final String ORDER_PK_PREFIX = "ORDER#";
    private static final String ORDER_SK = "ORDER";
    private static final String NOT_EXISTS = "attribute_not_exists(pk)";

    private final String table;
    private final Path getOrderEvent;
    private final OrderEvents orderEvents;
    private final Context context = new LauncherContext("00000000-0000-4000-8000-000000000002", "bench", null);

    public WarmBenchmark(String table, Path getOrderEvent, OrderEvents orderEvents) {
        this.table = table;
        this.getOrderEvent = getOrderEvent;
        this.orderEvents = orderEvents;
    }

    /** GetOrder against GetItem with {@code iterations} requests; CreateOrder against the same TransactWriteItems with a quarter. */
    public List<WarmResult> run(int iterations) {
        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            return List.of(getOrder(dynamo, iterations), createOrder(dynamo, Math.max(50, iterations / 4)));
        }
    }

    private WarmResult getOrder(DynamoDbClient dynamo, int iterations) {
        OrdersReadHandler handler = new OrdersReadHandler();
        APIGatewayV2HTTPEvent event = EventJson.read(getOrderEvent);
        Map<String, AttributeValue> key = orderKey(SEEDED_ORDER);
        if (!dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).hasItem()) {
            throw new IllegalStateException("Order " + SEEDED_ORDER + " is not in " + table + " under " + key
                    + "; has the table layout changed?");
        }
        Timings timings = alternate(iterations,
                i -> expect(handler, event, 200),
                i -> dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)));
        return result("GetOrder (GET /orders/{orderNumber})", "OrdersReadHandler: one consistent GetItem",
                "bare GetItem, same key, consistent read", iterations, timings);
    }

    /**
     * Without an Idempotency-Key, CreateOrder writes the order and its history entry in one TransactWriteItems, each
     * put conditional on absence; the bare call makes the same transaction with items of the same shape and size
     * (the seeded order and its creation entry under a new key). Events and items are built before the clock starts.
     */
    private WarmResult createOrder(DynamoDbClient dynamo, int iterations) {
        OrdersWriteHandler handler = new OrdersWriteHandler();
        GetItemResponse seeded = dynamo.getItem(b -> b.tableName(table).key(orderKey(SEEDED_ORDER))
                .consistentRead(true));
        Map<String, AttributeValue> seededHistory = dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(HISTORY_PREFIX + SEEDED_ORDER)))
                .limit(1)).items().stream().findFirst().orElseThrow(() -> new IllegalStateException(
                        "Order " + SEEDED_ORDER + " has no history entry; has the table layout changed?"));
        int total = warmUp(iterations) + iterations;
        APIGatewayV2HTTPEvent[] events = new APIGatewayV2HTTPEvent[total];
        List<List<TransactWriteItem>> writes = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            events[i] = EventJson.read(orderEvents.createEvent(orderEvents.nextOrderNumber("BW"), false));
            String bareNumber = orderEvents.nextOrderNumber("BP");
            Map<String, AttributeValue> item = new HashMap<>(seeded.item());
            item.putAll(orderKey(bareNumber));
            item.put("orderNumber", AttributeValue.fromS(bareNumber));
            Map<String, AttributeValue> history = new HashMap<>(seededHistory);
            history.put("pk", AttributeValue.fromS(HISTORY_PREFIX + bareNumber));
            writes.add(List.of(conditionalPut(item), conditionalPut(history)));
        }
        Timings timings = alternate(iterations,
                i -> expect(handler, events[i], 201),
                i -> dynamo.transactWriteItems(b -> b.transactItems(writes.get(i))));
        return result("CreateOrder (POST /orders, no Idempotency-Key)",
                "OrdersWriteHandler: order and history entry in one TransactWriteItems",
                "bare TransactWriteItems of the same two items, same conditions", iterations, timings);
    }

    private TransactWriteItem conditionalPut(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).conditionExpression(NOT_EXISTS).build())
                .build();
    }

    private static WarmResult result(String name, String handler, String bare, int iterations, Timings timings) {
        Stats handlerStats = Stats.of(timings.handler());
        Stats bareStats = Stats.of(timings.bare());
        ColdStartBenchmark.progress("warm %s: handler median %.0f µs, bare median %.0f µs", name,
                handlerStats.median(), bareStats.median());
        return new WarmResult(name, handler, bare, iterations, handlerStats, bareStats,
                handlerStats.median() / bareStats.median());
    }

    private void expect(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                               APIGatewayV2HTTPEvent event, int status) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        if (response.getStatusCode() != status) {
            throw new IllegalStateException("Expected " + status + " but got " + response.getStatusCode() + ": "
                    + response.getBody());
        }
    }

    private record Timings(double[] handler, double[] bare) {
    }

    /**
     * Warm-up requests (index 0 up), then {@code iterations} timed pairs; the index each call gets runs on over
     * both phases.
     */
    private Timings alternate(int iterations, IntConsumer handlerCall, IntConsumer bareCall) {
        int warmUp = warmUp(iterations);
        for (int i = 0; i < warmUp; i++) {
            handlerCall.accept(i);
            bareCall.accept(i);
        }
        double[] handler = new double[iterations];
        double[] bare = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            handlerCall.accept(warmUp + i);
            long middle = System.nanoTime();
            bareCall.accept(warmUp + i);
            long end = System.nanoTime();
            handler[i] = (middle - start) / 1e3;
            bare[i] = (end - middle) / 1e3;
        }
        return new Timings(handler, bare);
    }

    private static int warmUp(int iterations) {
        return Math.min(500, Math.max(100, iterations / 4));
    }

    private static Map<String, AttributeValue> orderKey(String orderNumber) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", AttributeValue.fromS(ORDER_PK_PREFIX + orderNumber));
        key.put("sk", AttributeValue.fromS(ORDER_SK));
        return key;
    }
}
