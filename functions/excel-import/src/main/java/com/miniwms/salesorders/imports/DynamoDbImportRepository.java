package com.miniwms.salesorders.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.miniwms.salesorders.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Import records in the orders table, one item each ({@code IMPORT#id}). They sit in their own partition of the
 * ByDate index ({@code listKey = IMPORT}), so the recent-imports list is a Query and order lists never see them.
 */
public final class DynamoDbImportRepository implements ImportRepository {
    static final String LIST_PARTITION = "IMPORT";
    private static final String SK = "IMPORT";
    private static final String BY_DATE = "ByDate";
    /** The record's JSON is kept well below the 400 KB item limit. */
    static final int MAX_BODY_CHARS = 300_000;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbImportRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(ImportRecord record) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(record)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<ImportRecord> find(String importId) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(importId)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(read(response.item().get("body").s()))
                : Optional.empty();
    }

    @Override
    public Optional<ImportRecord> claim(String importId, Instant now, Instant staleBefore) {
        Optional<ImportRecord> current = find(importId);
        if (current.isEmpty() || current.get().status().isFinal()) {
            return Optional.empty();
        }
        ImportRecord claimed = current.get().processing(now);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(claimed))
                    .conditionExpression("#s = :pending OR (#s = :processing AND startedAt < :stale)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":pending", AttributeValue.fromS(ImportStatus.PENDING.name()),
                            ":processing", AttributeValue.fromS(ImportStatus.PROCESSING.name()),
                            ":stale", AttributeValue.fromN(Long.toString(staleBefore.toEpochMilli())))));
            return Optional.of(claimed);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void finish(ImportRecord record) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(record))
                    .conditionExpression("#s = :processing AND startedAt = :started")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":processing", AttributeValue.fromS(ImportStatus.PROCESSING.name()),
                            ":started", AttributeValue.fromN(Long.toString(record.startedAt().toEpochMilli())))));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Import " + record.importId() + " was taken over by another run", e);
        }
    }

    @Override
    public List<ImportRecord> recent(int limit) {
        QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(BY_DATE)
                .keyConditionExpression("listKey = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(LIST_PARTITION)))
                .scanIndexForward(false)
                .limit(limit));
        List<ImportRecord> records = new ArrayList<>();
        for (Map<String, AttributeValue> keys : page.items()) {
            String pk = keys.get("pk").s();
            find(pk.substring("IMPORT#".length())).ifPresent(records::add);
        }
        return records;
    }

    private static Map<String, AttributeValue> key(String importId) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", AttributeValue.fromS("IMPORT#" + importId));
        key.put("sk", AttributeValue.fromS(SK));
        return key;
    }

    private static Map<String, AttributeValue> item(ImportRecord record) {
        Map<String, AttributeValue> item = key(record.importId());
        item.put("status", AttributeValue.fromS(record.status().name()));
        item.put("listKey", AttributeValue.fromS(LIST_PARTITION));
        item.put("dateKey", AttributeValue.fromS(record.createdAt() + "#" + record.importId()));
        if (record.startedAt() != null) {
            item.put("startedAt", AttributeValue.fromN(Long.toString(record.startedAt().toEpochMilli())));
        }
        try {
            String body = Json.MAPPER.writeValueAsString(record);
            ImportRecord smaller = record;
            while (body.length() > MAX_BODY_CHARS && !smaller.errors().isEmpty()) {
                // Keep the item under DynamoDB's 400 KB: fewer errors here, all of them in the report workbook.
                smaller = smaller.withErrorsKept(smaller.errors().size() / 2);
                body = Json.MAPPER.writeValueAsString(smaller);
            }
            item.put("body", AttributeValue.fromS(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write import record " + record.importId(), e);
        }
        return item;
    }

    private static ImportRecord read(String body) {
        try {
            return Json.MAPPER.readValue(body, ImportRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored import record cannot be read", e);
        }
    }
}
