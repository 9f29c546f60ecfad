package com.miniwms.salesorders.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The emulator's transactions: all or nothing, with a reason per item, however long the transaction. */
class MotoTransactionsIT {
    private static final String TABLE = "transactions";
    @TempDir
    static Path logs;
    private static MotoServer server;
    private static AwsClients aws;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        server = MotoServer.startMoto(ProjectPaths.venv(), logs, Duration.ofSeconds(60));
        aws = new AwsClients(server.endpoint(), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        dynamo = aws.dynamoDb();
        dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    @AfterAll
    static void stop() {
        aws.close();
        server.close();
    }

    @Test
    void aCancelledTransactionLeavesEveryItemAsItWas() {
        put("P#1", "A", "1");
        put("P#1", "B", "1");
        put("P#2", "C", "1");
        put("P#3", "D", "1");

        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(
                newItem("P#1", "E"),
                TransactWriteItem.builder().update(u -> u.tableName(TABLE).key(key("P#1", "A"))
                        .updateExpression("SET qty = :q").expressionAttributeValues(Map.of(":q", n("2")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(TABLE).key(key("P#2", "C"))).build(),
                newItem("P#3", "D"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(
                        e.cancellationReasons().stream().map(CancellationReason::code).toList())
                        .containsExactly("None", "None", "None", "ConditionalCheckFailed"));

        assertThat(get("P#1", "E")).isEmpty();
        assertThat(get("P#1", "A")).containsEntry("qty", n("1"));
        assertThat(get("P#1", "B")).containsEntry("qty", n("1"));
        assertThat(get("P#2", "C")).containsEntry("qty", n("1"));
        assertThat(get("P#3", "D")).containsEntry("qty", n("1"));

        dynamo.transactWriteItems(b -> b.transactItems(newItem("P#1", "E"),
                TransactWriteItem.builder().update(u -> u.tableName(TABLE).key(key("P#1", "A"))
                        .updateExpression("SET qty = :q").expressionAttributeValues(Map.of(":q", n("2")))).build()));
        assertThat(get("P#1", "E")).containsEntry("qty", n("1"));
        assertThat(get("P#1", "A")).containsEntry("qty", n("2"));
    }

    @Test
    void aHundredItemTransactionIsWrittenWholeOrNotAtAll() {
        for (int i = 0; i < 500; i++) {
            put("BULK#" + i, "X", "1");
        }
        List<TransactWriteItem> fresh = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            fresh.add(newItem("NEW#" + i, "X"));
        }
        List<TransactWriteItem> withTaken = new ArrayList<>(fresh);
        withTaken.add(newItem("BULK#7", "X"));

        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(withTaken)))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).hasSize(100);
                    assertThat(e.cancellationReasons().get(99).code()).isEqualTo("ConditionalCheckFailed");
                });
        assertThat(get("NEW#0", "X")).isEmpty();
        assertThat(get("NEW#98", "X")).isEmpty();

        dynamo.transactWriteItems(b -> b.transactItems(fresh));
        for (int i = 0; i < 99; i++) {
            assertThat(get("NEW#" + i, "X")).containsEntry("qty", n("1"));
        }
    }

    private static TransactWriteItem newItem(String pk, String sk) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(pk, sk));
        item.put("qty", n("1"));
        return TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private static void put(String pk, String sk, String qty) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(pk, sk));
        item.put("qty", n(qty));
        dynamo.putItem(b -> b.tableName(TABLE).item(item));
    }

    private static Map<String, AttributeValue> get(String pk, String sk) {
        return dynamo.getItem(b -> b.tableName(TABLE).key(key(pk, sk)).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
