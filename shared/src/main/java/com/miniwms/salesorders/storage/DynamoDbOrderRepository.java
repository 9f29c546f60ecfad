package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.DuplicateExternalOrderException;
import com.miniwms.salesorders.domain.OrderAlreadyExistsException;
import com.miniwms.salesorders.domain.OrderNotFoundException;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.VersionConflictException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.miniwms.salesorders.storage.OrderItemMapper.n;
import static com.miniwms.salesorders.storage.OrderItemMapper.s;
import static com.miniwms.salesorders.storage.OrderItemMapper.str;
import static com.miniwms.salesorders.storage.TableKeys.*;

/** {@link OrderRepository} on one DynamoDB table (layout in {@link TableKeys} and template.yaml). */
public final class DynamoDbOrderRepository implements OrderRepository {
    /** Queries one list request may run before it returns a short page with a cursor (bounds read cost). */
    private static final int MAX_QUERIES_PER_PAGE = 8;
    private static final String NOT_EXISTS = "attribute_not_exists(pk)";
    private static final String AT_VERSION = "attribute_exists(pk) AND version = :expected";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbOrderRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<SalesOrder> find(String orderNumber) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(orderPk(orderNumber), ORDER_SK)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(OrderItemMapper.fromItem(response.item()))
                : Optional.empty();
    }

    @Override
    public void create(SalesOrder order, IdempotencyRecord idempotency) {
        Map<String, AttributeValue> item = OrderItemMapper.toItem(order);
        boolean guarded = order.externalOrderId() != null;
        if (!guarded && idempotency == null) {
            try {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_EXISTS));
            } catch (ConditionalCheckFailedException e) {
                throw new OrderAlreadyExistsException(order.orderNumber());
            }
            return;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(item));
        if (guarded) {
            Map<String, AttributeValue> guard = key(guardPk(order.channelConnectionId(), order.externalOrderId()),
                    GUARD_SK);
            guard.put("orderNumber", s(order.orderNumber()));
            writes.add(put(guard));
        }
        if (idempotency != null) {
            // A record past its expiry may still be there (TTL deletes lazily); it no longer holds the key.
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(idempotencyItem(idempotency))
                    .conditionExpression(NOT_EXISTS + " OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", n(Instant.now().getEpochSecond())))
                    .build()).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (failed(reasons, 0)) {
                throw new OrderAlreadyExistsException(order.orderNumber());
            }
            if (guarded && failed(reasons, 1)) {
                throw new DuplicateExternalOrderException(order.channelConnectionId(), order.externalOrderId(),
                        guardOwner(order));
            }
            if (idempotency != null && failed(reasons, writes.size() - 1)) {
                throw new IdempotencyKeyInUseException(idempotency.scopedKey());
            }
            throw e;
        }
    }

    @Override
    public void update(SalesOrder order, long expectedVersion) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(OrderItemMapper.toItem(order))
                    .conditionExpression(AT_VERSION)
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
        } catch (ConditionalCheckFailedException e) {
            throw conflict(order.orderNumber(), expectedVersion);
        }
    }

    @Override
    public void delete(SalesOrder order) {
        Map<String, AttributeValue> expected = Map.of(":expected", n(order.version()));
        if (order.externalOrderId() == null) {
            try {
                dynamo.deleteItem(b -> b.tableName(table).key(key(orderPk(order.orderNumber()), ORDER_SK))
                        .conditionExpression(AT_VERSION).expressionAttributeValues(expected));
            } catch (ConditionalCheckFailedException e) {
                throw conflict(order.orderNumber(), order.version());
            }
            return;
        }
        // The guard goes with the order, so the external order can be imported again deliberately.
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                            .key(key(orderPk(order.orderNumber()), ORDER_SK))
                            .conditionExpression(AT_VERSION).expressionAttributeValues(expected).build()).build(),
                    TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                            .key(key(guardPk(order.channelConnectionId(), order.externalOrderId()), GUARD_SK))
                            .build()).build()));
        } catch (TransactionCanceledException e) {
            throw conflict(order.orderNumber(), order.version());
        }
    }

    @Override
    public OrderPage list(OrderQuery query) {
        ListPlan plan = ListPlan.of(query);
        String fingerprint = ListCursor.fingerprintOf(query);
        ListCursor cursor = query.cursor() == null ? null : ListCursor.decode(query.cursor(), query, plan);
        int step = cursor == null ? 0 : cursor.step();
        Map<String, AttributeValue> start = cursor == null ? null : cursor.exclusiveStartKey();
        List<OrderSummary> items = new ArrayList<>();

        for (int queries = 0; queries < MAX_QUERIES_PER_PAGE; queries++) {
            ListPlan.Step current = plan.steps().get(step);
            int wanted = query.limit() - items.size();
            QueryResponse page = dynamo.query(request(current, start, current.filter() == null ? wanted
                    : Math.max(wanted, 50)));
            List<Map<String, AttributeValue>> found = page.items();
            for (int i = 0; i < found.size(); i++) {
                Map<String, AttributeValue> item = found.get(i);
                if (current.skip().test(item)) {
                    continue;
                }
                items.add(OrderItemMapper.summaryFromItem(item));
                if (items.size() == query.limit()) {
                    boolean pageDone = i == found.size() - 1 && !page.hasLastEvaluatedKey();
                    boolean lastStep = step == plan.steps().size() - 1;
                    String next = pageDone && lastStep ? null
                            : pageDone ? new ListCursor(step + 1, null, fingerprint).encode()
                            : new ListCursor(step, current.keyOf(item), fingerprint).encode();
                    return new OrderPage(items, next);
                }
            }
            if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
                start = page.lastEvaluatedKey();
            } else if (step < plan.steps().size() - 1) {
                step++;
                start = null;
            } else {
                return new OrderPage(items, null);
            }
        }
        Map<String, String> resumeKey = null;
        if (start != null) {
            resumeKey = new HashMap<>();
            for (Map.Entry<String, AttributeValue> e : start.entrySet()) {
                resumeKey.put(e.getKey(), e.getValue().s());
            }
        }
        return new OrderPage(items, new ListCursor(step, resumeKey, fingerprint).encode());
    }

    @Override
    public long nextOrderSequence() {
        return Long.parseLong(dynamo.updateItem(b -> b.tableName(table).key(key(SEQUENCE_PK, SEQUENCE_SK))
                        .updateExpression("ADD #v :one")
                        .expressionAttributeNames(Map.of("#v", "value"))
                        .expressionAttributeValues(Map.of(":one", n(1)))
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes().get("value").n());
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(String scopedKey) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(idempotencyPk(scopedKey), IDEMPOTENCY_SK)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        Map<String, String> headers = new HashMap<>();
        item.get("headers").m().forEach((name, value) -> headers.put(name, value.s()));
        StoredResponse stored = new StoredResponse(Integer.parseInt(item.get("statusCode").n()), headers,
                str(item, "body"));
        return Optional.of(new IdempotencyRecord(scopedKey, str(item, "requestHash"), stored,
                Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n()))));
    }

    private QueryRequest request(ListPlan.Step step, Map<String, AttributeValue> start, int limit) {
        QueryRequest.Builder b = QueryRequest.builder()
                .tableName(table)
                .indexName(step.index())
                .keyConditionExpression(step.keyCondition())
                .expressionAttributeNames(step.names())
                .expressionAttributeValues(step.values())
                .scanIndexForward(!step.newestFirst())
                .limit(limit);
        if (step.filter() != null) {
            b.filterExpression(step.filter());
        }
        if (start != null) {
            b.exclusiveStartKey(start);
        }
        return b.build();
    }

    private Map<String, AttributeValue> idempotencyItem(IdempotencyRecord record) {
        Map<String, AttributeValue> item = key(idempotencyPk(record.scopedKey()), IDEMPOTENCY_SK);
        Map<String, AttributeValue> headers = new HashMap<>();
        record.response().headers().forEach((name, value) -> headers.put(name, s(value)));
        item.put("requestHash", s(record.requestHash()));
        item.put("statusCode", n(record.response().statusCode()));
        item.put("headers", AttributeValue.fromM(headers));
        item.put("body", s(record.response().body()));
        item.put("expiresAt", n(record.expiresAt().getEpochSecond()));
        return item;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).conditionExpression(NOT_EXISTS).build())
                .build();
    }

    private String guardOwner(SalesOrder order) {
        GetItemResponse guard = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(guardPk(order.channelConnectionId(), order.externalOrderId()), GUARD_SK)));
        return guard.hasItem() ? str(guard.item(), "orderNumber") : null;
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** A conditional write failed: either the order is gone or someone else changed it first. */
    private RuntimeException conflict(String orderNumber, long expected) {
        return find(orderNumber)
                .<RuntimeException>map(current -> new VersionConflictException(orderNumber, expected, current.version()))
                .orElseGet(() -> new OrderNotFoundException(orderNumber));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(PK, s(pk));
        key.put(SK, s(sk));
        return key;
    }
}
