package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.DuplicateExternalOrderException;
import com.miniwms.salesorders.domain.OrderAlreadyExistsException;
import com.miniwms.salesorders.domain.OrderNotFoundException;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.VersionConflictException;
import com.miniwms.salesorders.history.ChangeContext;
import com.miniwms.salesorders.history.HistoryPage;
import com.miniwms.salesorders.history.OrderHistoryEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.miniwms.salesorders.storage.OrderItemMapper.n;
import static com.miniwms.salesorders.storage.OrderItemMapper.s;
import static com.miniwms.salesorders.storage.OrderItemMapper.str;
import static com.miniwms.salesorders.storage.TableKeys.*;

/** {@link OrderRepository} on one DynamoDB table (layout in {@link TableKeys} and template.yaml). */
public final class DynamoDbOrderRepository implements OrderRepository {
    /** Queries one list request may run before it returns a short page with a cursor (bounds read cost). */
    private static final int MAX_QUERIES_PER_PAGE = 8;
    private static final String NOT_EXISTS = "attribute_not_exists(pk)";
    private static final int MAX_BATCH_GET_KEYS = 100;
    private static final int MAX_TRANSACTION_ITEMS = 100;
    /** DynamoDB's limit is 4 MB per transaction; the estimate of item sizes keeps a margin below it. */
    private static final long MAX_TRANSACTION_BYTES = 3_500_000;
    private static final int MAX_ATTEMPTS = 10;
    private static final Set<String> RETRYABLE_CANCELLATIONS = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded");
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
        create(order, idempotency, ChangeContext.api(order.createdBy()));
    }

    @Override
    public void create(SalesOrder order, IdempotencyRecord idempotency, ChangeContext context) {
        Map<String, AttributeValue> item = OrderItemMapper.toItem(order);
        boolean guarded = order.externalOrderId() != null;
        // Index of each write in the transaction, for reading the cancellation reasons.
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(item));
        writes.add(history(OrderHistoryEntry.created(order, context)));
        int guardAt = -1;
        int idempotencyAt = -1;
        if (guarded) {
            Map<String, AttributeValue> guard = key(guardPk(order.channelConnectionId(), order.externalOrderId()),
                    GUARD_SK);
            guard.put("orderNumber", s(order.orderNumber()));
            guardAt = writes.size();
            writes.add(put(guard));
        }
        if (idempotency != null) {
            // A record past its expiry may still be there (TTL deletes lazily); it no longer holds the key.
            idempotencyAt = writes.size();
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
            if (guarded && failed(reasons, guardAt)) {
                throw new DuplicateExternalOrderException(order.channelConnectionId(), order.externalOrderId(),
                        guardOwner(order));
            }
            if (idempotency != null && failed(reasons, idempotencyAt)) {
                throw new IdempotencyKeyInUseException(idempotency.scopedKey());
            }
            throw e;
        }
    }

    @Override
    public Map<String, SalesOrder> findAll(Collection<String> orderNumbers) {
        Map<String, SalesOrder> found = new LinkedHashMap<>();
        List<String> numbers = List.copyOf(new LinkedHashSet<>(orderNumbers));
        for (int from = 0; from < numbers.size(); from += MAX_BATCH_GET_KEYS) {
            List<Map<String, AttributeValue>> keys = numbers.subList(from,
                    Math.min(numbers.size(), from + MAX_BATCH_GET_KEYS)).stream()
                    .map(number -> key(orderPk(number), ORDER_SK)).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 0) {
                    requireAttemptsLeft(attempt, "BatchGetItem kept returning unprocessed keys");
                    Backoff.pause(attempt);
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(table, List.of()).stream().map(OrderItemMapper::fromItem)
                        .forEach(order -> found.put(order.orderNumber(), order));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /**
     * Transactions of up to 50 orders, each order conditional on its number being free and written with its history
     * entry. When numbers are taken, the cancellation reasons say which; those orders are set aside and the rest
     * written again. A transaction refused for contention or throttling is retried after a pause.
     */
    @Override
    public BulkCreateResult createAll(List<SalesOrder> orders, ChangeContext context) {
        BulkOrders.requireCreatable(orders);
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        List<PendingCreate> group = new ArrayList<>();
        long groupBytes = 0;
        for (SalesOrder order : orders) {
            PendingCreate write = PendingCreate.of(order, context);
            if (!group.isEmpty() && (2 * (group.size() + 1) > MAX_TRANSACTION_ITEMS
                    || groupBytes + write.bytes() > MAX_TRANSACTION_BYTES)) {
                createGroup(group, created, existing);
                group = new ArrayList<>();
                groupBytes = 0;
            }
            group.add(write);
            groupBytes += write.bytes();
        }
        if (!group.isEmpty()) {
            createGroup(group, created, existing);
        }
        return new BulkCreateResult(created, existing);
    }

    private void createGroup(List<PendingCreate> group, List<String> created, List<String> existing) {
        List<PendingCreate> pending = new ArrayList<>(group);
        int retries = 0;
        while (!pending.isEmpty()) {
            List<TransactWriteItem> writes = new ArrayList<>(2 * pending.size());
            for (PendingCreate write : pending) {
                writes.add(put(write.item()));
                writes.add(put(write.history()));
            }
            // The same token on the SDK's own retries: a transaction that went through is not applied twice.
            String token = UUID.randomUUID().toString();
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes).clientRequestToken(token));
                pending.forEach(write -> created.add(write.number()));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                List<PendingCreate> taken = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    if (failed(reasons, 2 * i)) {
                        taken.add(pending.get(i));
                    }
                }
                if (!taken.isEmpty()) {
                    taken.forEach(write -> existing.add(write.number()));
                    pending.removeAll(taken);
                    continue;
                }
                if (!retryable(reasons)) {
                    throw e;
                }
                requireAttemptsLeft(++retries, "TransactWriteItems kept being cancelled (" + codes(reasons) + ")");
                Backoff.pause(retries);
            }
        }
    }

    private static boolean retryable(List<CancellationReason> reasons) {
        boolean any = false;
        for (CancellationReason reason : reasons) {
            String code = reason.code();
            if (code == null || code.equals("None")) {
                continue;
            }
            if (!RETRYABLE_CANCELLATIONS.contains(code)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static String codes(List<CancellationReason> reasons) {
        return reasons.stream().map(CancellationReason::code).filter(c -> c != null && !c.equals("None")).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static void requireAttemptsLeft(int attempt, String problem) {
        if (attempt >= MAX_ATTEMPTS) {
            throw new IllegalStateException(problem + " after " + MAX_ATTEMPTS + " attempts");
        }
    }

    /** One order to create, with its items ready. */
    private record PendingCreate(String number, Map<String, AttributeValue> item, Map<String, AttributeValue> history,
                                 long bytes) {
        static PendingCreate of(SalesOrder order, ChangeContext context) {
            Map<String, AttributeValue> item = OrderItemMapper.toItem(order);
            Map<String, AttributeValue> history = HistoryItemMapper.toItem(OrderHistoryEntry.created(order, context));
            return new PendingCreate(order.orderNumber(), item, history, ItemSize.of(item) + ItemSize.of(history));
        }
    }

    @Override
    public void update(SalesOrder order, long expectedVersion) {
        // Callers without the previous state: read it for the history entry; the write stays conditional.
        SalesOrder current = find(order.orderNumber()).orElseThrow(() -> new OrderNotFoundException(order.orderNumber()));
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(order.orderNumber(), expectedVersion, current.version());
        }
        update(current, order, ChangeContext.api(order.updatedBy()));
    }

    @Override
    public void update(SalesOrder before, SalesOrder after, ChangeContext context) {
        long expectedVersion = before.version();
        TransactWriteItem write = TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(OrderItemMapper.toItem(after))
                .conditionExpression(AT_VERSION)
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion))).build()).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(write,
                    history(OrderHistoryEntry.updated(before, after, context))));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (reasons.isEmpty() || failed(reasons, 0)) {
                throw conflict(after.orderNumber(), expectedVersion);
            }
            throw e;
        }
    }

    @Override
    public void delete(SalesOrder order) {
        delete(order, ChangeContext.api(null));
    }

    @Override
    public void delete(SalesOrder order, ChangeContext context) {
        Map<String, AttributeValue> expected = Map.of(":expected", n(order.version()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(key(orderPk(order.orderNumber()), ORDER_SK))
                .conditionExpression(AT_VERSION).expressionAttributeValues(expected).build()).build());
        writes.add(history(OrderHistoryEntry.deleted(order, context, Instant.now())));
        if (order.externalOrderId() != null) {
            // The guard goes with the order, so the external order can be imported again deliberately.
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(key(guardPk(order.channelConnectionId(), order.externalOrderId()), GUARD_SK))
                    .build()).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (reasons.isEmpty() || failed(reasons, 0)) {
                throw conflict(order.orderNumber(), order.version());
            }
            throw e;
        }
    }

    @Override
    public HistoryPage history(String orderNumber, int limit, String cursor) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(historyPk(orderNumber))))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(limit);
        if (cursor != null) {
            request.exclusiveStartKey(Map.of(PK, s(historyPk(orderNumber)), SK, s(HistoryCursor.decode(cursor))));
        }
        QueryResponse page = dynamo.query(request.build());
        List<OrderHistoryEntry> items = page.items().stream().map(HistoryItemMapper::fromItem).toList();
        String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? HistoryCursor.encode(page.lastEvaluatedKey().get(SK).s()) : null;
        return new HistoryPage(items, next);
    }

    private TransactWriteItem history(OrderHistoryEntry entry) {
        return put(HistoryItemMapper.toItem(entry));
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

    @Override
    public Optional<String> findOrderNumberByExternalId(String channelConnectionId, String externalOrderId) {
        GetItemResponse guard = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(guardPk(channelConnectionId, externalOrderId), GUARD_SK)));
        return guard.hasItem() && !guard.item().isEmpty()
                ? Optional.ofNullable(str(guard.item(), "orderNumber"))
                : Optional.empty();
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
