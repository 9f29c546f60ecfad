package com.miniwms.salesorders.sync;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SyncStore} in the orders table, one partition per connection ({@code SYNC#<connection>}): the item
 * {@code STATE} holds watermark, run in flight and lease; {@code RUN#<start>#<id>} items the history (so a query
 * in descending key order lists it newest first); {@code EXTERNAL#<id>} items what was applied to each external
 * order. None of them carries the index attributes, so they never appear in order lists.
 */
public final class DynamoDbSyncStore implements SyncStore {
    private static final String STATE_SK = "STATE";
    private static final String RUN_PREFIX = "RUN#";
    private static final String EXTERNAL_PREFIX = "EXTERNAL#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSyncStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean acquireLease(String connectionId, String owner, Instant now, Duration ttl) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(connectionId, STATE_SK))
                    .updateExpression("SET leaseOwner = :owner, leaseExpiresAt = :expires")
                    .conditionExpression("attribute_not_exists(leaseOwner) OR leaseOwner = :owner"
                            + " OR leaseExpiresAt <= :now")
                    .expressionAttributeValues(Map.of(":owner", s(owner),
                            ":expires", n(now.plus(ttl).toEpochMilli()), ":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void releaseLease(String connectionId, String owner) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(connectionId, STATE_SK))
                    .updateExpression("REMOVE leaseOwner, leaseExpiresAt")
                    .conditionExpression("leaseOwner = :owner")
                    .expressionAttributeValues(Map.of(":owner", s(owner))));
        } catch (ConditionalCheckFailedException e) {
            // Already taken over or released: nothing of ours to give up.
        }
    }

    @Override
    public SyncState state(String connectionId) {
        Map<String, AttributeValue> item = get(connectionId, STATE_SK);
        if (item == null) {
            return SyncState.NEW;
        }
        FetchWindow window = item.containsKey("windowFrom")
                ? new FetchWindow(Instant.parse(item.get("windowFrom").s()), Instant.parse(item.get("windowTo").s()))
                : null;
        return new SyncState(item.containsKey("watermark") ? Instant.parse(item.get("watermark").s()) : null,
                window, item.containsKey("cursor") ? item.get("cursor").s() : null);
    }

    @Override
    public void saveProgress(String connectionId, String owner, FetchWindow window, String nextCursor) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":owner", s(owner));
        values.put(":from", s(window.from().toString()));
        values.put(":to", s(window.to().toString()));
        String update = "SET windowFrom = :from, windowTo = :to";
        if (nextCursor == null) {
            update += " REMOVE #cursor";
        } else {
            update += ", #cursor = :cursor";
            values.put(":cursor", s(nextCursor));
        }
        String expression = update;
        leased(connectionId, () -> dynamo.updateItem(b -> b.tableName(table).key(key(connectionId, STATE_SK))
                .updateExpression(expression).conditionExpression("leaseOwner = :owner")
                .expressionAttributeNames(Map.of("#cursor", "cursor"))
                .expressionAttributeValues(values)));
    }

    @Override
    public void complete(String connectionId, String owner, Instant watermark) {
        leased(connectionId, () -> dynamo.updateItem(b -> b.tableName(table).key(key(connectionId, STATE_SK))
                .updateExpression("SET watermark = :mark REMOVE windowFrom, windowTo, #cursor")
                .conditionExpression("leaseOwner = :owner")
                .expressionAttributeNames(Map.of("#cursor", "cursor"))
                .expressionAttributeValues(Map.of(":owner", s(owner), ":mark", s(watermark.toString())))));
    }

    @Override
    public void saveRun(SyncRecord run) {
        Map<String, AttributeValue> item = key(run.connectionId(), runSk(run));
        item.put("syncId", s(run.syncId()));
        item.put("status", s(run.status().name()));
        item.put("startedAt", s(run.startedAt().toString()));
        if (run.finishedAt() != null) {
            item.put("finishedAt", s(run.finishedAt().toString()));
        }
        item.put("pages", n(run.pages()));
        item.put("created", n(run.counts().created()));
        item.put("updated", n(run.counts().updated()));
        item.put("unchanged", n(run.counts().unchanged()));
        item.put("failed", n(run.counts().failed()));
        item.put("errors", AttributeValue.fromL(run.errors().stream().map(DynamoDbSyncStore::s).toList()));
        if (run.status() == SyncStatus.RUNNING) {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } else {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_exists(pk)"));
        }
    }

    @Override
    public RunPage runs(String connectionId, int limit, String cursor) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :run)")
                .expressionAttributeValues(Map.of(":pk", s(pk(connectionId)), ":run", s(RUN_PREFIX)))
                .scanIndexForward(false).limit(limit).consistentRead(true);
        if (cursor != null) {
            request.exclusiveStartKey(Map.of("pk", s(pk(connectionId)), "sk", s(decodeCursor(cursor))));
        }
        QueryResponse response = dynamo.query(request.build());
        List<SyncRecord> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(new SyncRecord(connectionId, item.get("syncId").s(), SyncStatus.valueOf(item.get("status").s()),
                    Instant.parse(item.get("startedAt").s()),
                    item.containsKey("finishedAt") ? Instant.parse(item.get("finishedAt").s()) : null,
                    num(item, "pages"), new SyncCounts(num(item, "created"), num(item, "updated"),
                    num(item, "unchanged"), num(item, "failed")),
                    item.get("errors").l().stream().map(AttributeValue::s).toList()));
        }
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                        response.lastEvaluatedKey().get("sk").s().getBytes(StandardCharsets.UTF_8))
                : null;
        return new RunPage(items, next);
    }

    @Override
    public Optional<ExternalOrderState> externalOrder(String connectionId, String externalOrderId) {
        Map<String, AttributeValue> item = get(connectionId, EXTERNAL_PREFIX + externalOrderId);
        return Optional.ofNullable(item).map(i -> externalState(connectionId, i));
    }

    @Override
    public void saveExternalOrder(ExternalOrderState state, Instant expectedApplied) {
        Map<String, AttributeValue> item = key(state.connectionId(), EXTERNAL_PREFIX + state.externalOrderId());
        item.put("externalOrderId", s(state.externalOrderId()));
        item.put("appliedUpdatedAt", s(state.appliedUpdatedAt().toString()));
        if (state.orderNumber() != null) {
            item.put("orderNumber", s(state.orderNumber()));
        }
        if (state.attention() != null) {
            item.put("attention", s(state.attention()));
        }
        try {
            if (expectedApplied == null) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("appliedUpdatedAt = :expected")
                        .expressionAttributeValues(Map.of(":expected", s(expectedApplied.toString()))));
            }
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentSyncException(state.connectionId(), state.externalOrderId());
        }
    }

    @Override
    public List<ExternalOrderState> flagged(String connectionId) {
        List<ExternalOrderState> flagged = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :external)")
                    .filterExpression("attribute_exists(attention)")
                    .expressionAttributeValues(Map.of(":pk", s(pk(connectionId)), ":external", s(EXTERNAL_PREFIX)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.build());
            response.items().forEach(i -> flagged.add(externalState(connectionId, i)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return flagged;
    }

    private static ExternalOrderState externalState(String connectionId, Map<String, AttributeValue> item) {
        return new ExternalOrderState(connectionId, item.get("externalOrderId").s(),
                item.containsKey("orderNumber") ? item.get("orderNumber").s() : null,
                Instant.parse(item.get("appliedUpdatedAt").s()),
                item.containsKey("attention") ? item.get("attention").s() : null);
    }

    /** A cursor names a history key of the connection the path names; anything else is refused. */
    private static String decodeCursor(String cursor) {
        String sk;
        try {
            sk = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not valid");
        }
        if (!sk.matches("RUN#[0-9]{15}#[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("cursor is not valid");
        }
        return sk;
    }

    private void leased(String connectionId, Runnable write) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException e) {
            throw new LeaseLostException(connectionId);
        }
    }

    private Map<String, AttributeValue> get(String connectionId, String sk) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(connectionId, sk)));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    private static String runSk(SyncRecord run) {
        return RUN_PREFIX + String.format("%015d", run.startedAt().toEpochMilli()) + "#" + run.syncId();
    }

    private static String pk(String connectionId) {
        return "SYNC#" + connectionId;
    }

    private static Map<String, AttributeValue> key(String connectionId, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", s(pk(connectionId)));
        key.put("sk", s(sk));
        return key;
    }

    private static int num(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(item.get(name).n());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
