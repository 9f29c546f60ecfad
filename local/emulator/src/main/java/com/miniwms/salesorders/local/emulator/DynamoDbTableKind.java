package com.miniwms.salesorders.local.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * {@code AWS::DynamoDB::Table}, created by the emulator's CloudFormation, which keeps the keys, GSIs (with their
 * projections), billing mode, stream and encryption but ignores {@code TimeToLiveSpecification} and
 * {@code PointInTimeRecoverySpecification}: those are applied here, and any GSI or stream the emulator left out is
 * added through {@code UpdateTable}.
 */
final class DynamoDbTableKind implements ResourceKind {

    @Override
    public String type() {
        return "AWS::DynamoDB::Table";
    }

    @Override
    public Map<String, String> complete(ProvisioningContext context, String logicalId, String tableName,
                                        Map<String, Object> properties) {
        DynamoDbClient dynamoDb = context.clients().dynamoDb();
        TableDescription table = dynamoDb.describeTable(r -> r.tableName(tableName)).table();

        addMissingIndexes(dynamoDb, table, properties);
        enableStream(dynamoDb, table, properties);

        Map<String, Object> ttl = Values.map(properties, "TimeToLiveSpecification");
        if (Values.isTrue(ttl.get("Enabled")) && ttl.get("AttributeName") != null) {
            TimeToLiveStatus status = dynamoDb.describeTimeToLive(r -> r.tableName(tableName))
                    .timeToLiveDescription().timeToLiveStatus();
            if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
                dynamoDb.updateTimeToLive(r -> r.tableName(tableName).timeToLiveSpecification(
                        s -> s.enabled(true).attributeName(ttl.get("AttributeName").toString())));
            }
        }

        Map<String, Object> pitr = Values.map(properties, "PointInTimeRecoverySpecification");
        if (Values.isTrue(pitr.get("PointInTimeRecoveryEnabled"))) {
            dynamoDb.updateContinuousBackups(r -> r.tableName(tableName)
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        }

        TableDescription done = dynamoDb.describeTable(r -> r.tableName(tableName)).table();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Arn", done.tableArn());
        if (done.latestStreamArn() != null) {
            attributes.put("StreamArn", done.latestStreamArn());
        }
        return attributes;
    }

    private static void addMissingIndexes(DynamoDbClient dynamoDb, TableDescription table,
                                          Map<String, Object> properties) {
        Map<String, GlobalSecondaryIndexDescription> existing = table.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
        for (Map<String, Object> index : Values.maps(properties, "GlobalSecondaryIndexes")) {
            String name = Values.string(index, "IndexName");
            Projection projection = projection(Values.map(index, "Projection"));
            GlobalSecondaryIndexDescription present = existing.get(name);
            if (present == null) {
                LocalLog.debug("Adding GSI " + name + " to " + table.tableName() + " through UpdateTable");
                CreateGlobalSecondaryIndexAction.Builder create = CreateGlobalSecondaryIndexAction.builder()
                        .indexName(name)
                        .keySchema(keySchema(Values.maps(index, "KeySchema")))
                        .projection(projection);
                Map<String, Object> throughput = Values.map(index, "ProvisionedThroughput");
                if (!throughput.isEmpty()) {
                    create.provisionedThroughput(ProvisionedThroughput.builder()
                            .readCapacityUnits(Long.parseLong(throughput.get("ReadCapacityUnits").toString()))
                            .writeCapacityUnits(Long.parseLong(throughput.get("WriteCapacityUnits").toString()))
                            .build());
                }
                dynamoDb.updateTable(r -> r.tableName(table.tableName())
                        .attributeDefinitions(attributeDefinitions(Values.maps(properties, "AttributeDefinitions")))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(create.build()).build()));
            } else if (!sameProjection(present.projection(), projection)) {
                LocalLog.warn("GSI " + name + " of " + table.tableName() + " has projection "
                        + present.projection() + " on the emulator; the template says " + projection);
            }
        }
    }

    private static void enableStream(DynamoDbClient dynamoDb, TableDescription table,
                                     Map<String, Object> properties) {
        Map<String, Object> stream = Values.map(properties, "StreamSpecification");
        String viewType = Values.string(stream, "StreamViewType");
        if (viewType == null) {
            return;
        }
        StreamSpecification current = table.streamSpecification();
        if (current == null || !Boolean.TRUE.equals(current.streamEnabled())) {
            dynamoDb.updateTable(r -> r.tableName(table.tableName())
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)));
        }
    }

    private static boolean sameProjection(Projection a, Projection b) {
        Set<String> left = new TreeSet<>(a.hasNonKeyAttributes() ? a.nonKeyAttributes() : List.of());
        Set<String> right = new TreeSet<>(b.hasNonKeyAttributes() ? b.nonKeyAttributes() : List.of());
        return Objects.equals(a.projectionTypeAsString(), b.projectionTypeAsString()) && left.equals(right);
    }

    private static Projection projection(Map<String, Object> projection) {
        Projection.Builder builder = Projection.builder()
                .projectionType(Objects.requireNonNullElse(Values.string(projection, "ProjectionType"), "KEYS_ONLY"));
        List<String> nonKey = Values.strings(projection, "NonKeyAttributes");
        if (!nonKey.isEmpty()) {
            builder.nonKeyAttributes(nonKey);
        }
        return builder.build();
    }

    private static List<KeySchemaElement> keySchema(List<Map<String, Object>> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder()
                .attributeName(Values.string(k, "AttributeName"))
                .keyType(Values.string(k, "KeyType"))
                .build()).toList();
    }

    private static List<AttributeDefinition> attributeDefinitions(List<Map<String, Object>> definitions) {
        return definitions.stream().map(d -> AttributeDefinition.builder()
                .attributeName(Values.string(d, "AttributeName"))
                .attributeType(Values.string(d, "AttributeType"))
                .build()).toList();
    }
}
