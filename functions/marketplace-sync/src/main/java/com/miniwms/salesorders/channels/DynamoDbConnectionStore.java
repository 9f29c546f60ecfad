package com.miniwms.salesorders.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ConnectionStore} in the orders table: all connections in the partition {@code CHANNELS}, one item each
 * ({@code CONNECTION#<id>}), so listing them is one Query. Settings are kept as a JSON string.
 */
public final class DynamoDbConnectionStore implements ConnectionStore {
    private static final String PK = "CHANNELS";
    private static final String PREFIX = "CONNECTION#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbConnectionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<ChannelConnection> find(String connectionId) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(connectionId)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item()))
                : Optional.empty();
    }

    @Override
    public List<ChannelConnection> list() {
        List<ChannelConnection> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(PK), ":prefix", s(PREFIX)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.build());
            response.items().forEach(item -> all.add(fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return all;
    }

    @Override
    public void save(ChannelConnection c, long expectedVersion) {
        Map<String, AttributeValue> item = key(c.connectionId());
        item.put("connectionId", s(c.connectionId()));
        item.put("type", s(c.type().name()));
        item.put("enabled", AttributeValue.fromBool(c.enabled()));
        item.put("schedule", s(c.schedule()));
        try {
            item.put("settings", s(Json.MAPPER.writeValueAsString(c.settings())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings cannot be written", e);
        }
        if (!c.credentialsSet().isEmpty()) {
            item.put("credentialsSet", AttributeValue.fromSs(c.credentialsSet()));
        }
        if (c.credentialsChangedAt() != null) {
            item.put("credentialsChangedAt", s(c.credentialsChangedAt().toString()));
        }
        item.put("version", n(c.version()));
        item.put("createdAt", s(c.createdAt().toString()));
        item.put("updatedAt", s(c.updatedAt().toString()));
        try {
            if (expectedVersion == 0) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(item)
                        .conditionExpression("attribute_exists(pk) AND version = :expected")
                        .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
            }
        } catch (ConditionalCheckFailedException e) {
            throw new ConnectionConflictException(c.connectionId());
        }
    }

    @Override
    public void delete(ChannelConnection c) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(c.connectionId()))
                    .conditionExpression("attribute_exists(pk) AND version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(c.version()))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConnectionConflictException(c.connectionId());
        }
    }

    private static ChannelConnection fromItem(Map<String, AttributeValue> item) {
        Map<String, Object> settings;
        try {
            settings = Json.MAPPER.readValue(item.get("settings").s(), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored settings are not JSON", e);
        }
        return new ChannelConnection(item.get("connectionId").s(), Channel.valueOf(item.get("type").s()),
                item.get("enabled").bool(), item.get("schedule").s(), settings,
                item.containsKey("credentialsSet") ? item.get("credentialsSet").ss().stream().sorted().toList()
                        : List.of(),
                item.containsKey("credentialsChangedAt") ? Instant.parse(item.get("credentialsChangedAt").s()) : null,
                Long.parseLong(item.get("version").n()), Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()));
    }

    private static Map<String, AttributeValue> key(String connectionId) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", s(PK));
        key.put("sk", s(PREFIX + connectionId));
        return key;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
