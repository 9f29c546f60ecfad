package com.miniwms.salesorders.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

@ExtendWith(MotoExtension.class)
class TemplateProvisioningIT {

    @Test
    void theTableHasEveryIndexOfTheTemplateWithItsProjection(ProvisionedStack stack, AwsClients clients) {
        SamResource definition = stack.template().resource("OrdersTable").orElseThrow();
        TableDescription table = clients.dynamoDb()
                .describeTable(r -> r.tableName(stack.physicalId("OrdersTable"))).table();

        List<Map<String, Object>> wanted = Values.maps(definition.properties(), "GlobalSecondaryIndexes");
        assertThat(wanted).hasSize(5);
        Map<String, GlobalSecondaryIndexDescription> actual = table.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
        assertThat(actual).hasSameSizeAs(wanted);
        for (Map<String, Object> index : wanted) {
            GlobalSecondaryIndexDescription gsi = actual.get(Values.string(index, "IndexName"));
            assertThat(gsi).as("GSI %s", index.get("IndexName")).isNotNull();
            Map<String, Object> projection = Values.map(index, "Projection");
            assertThat(gsi.projection().projectionTypeAsString()).isEqualTo("INCLUDE");
            assertThat(Set.copyOf(gsi.projection().nonKeyAttributes()))
                    .isEqualTo(Set.copyOf(Values.strings(projection, "NonKeyAttributes")));
            assertThat(gsi.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactlyElementsOf(Values.maps(index, "KeySchema").stream()
                            .map(k -> k.get("AttributeName") + ":" + k.get("KeyType")).toList());
        }
        assertThat(table.keySchema()).extracting(k -> k.attributeName()).containsExactly("pk", "sk");
        assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void theTableHasItsStreamTimeToLiveAndPointInTimeRecovery(ProvisionedStack stack, AwsClients clients) {
        String tableName = stack.physicalId("OrdersTable");
        DynamoDbClient dynamoDb = clients.dynamoDb();

        TableDescription table = dynamoDb.describeTable(r -> r.tableName(tableName)).table();
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(stack.resource("OrdersTable").orElseThrow().attributes())
                .containsEntry("StreamArn", table.latestStreamArn())
                .containsEntry("Arn", table.tableArn());

        var ttl = dynamoDb.describeTimeToLive(r -> r.tableName(tableName)).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");

        assertThat(dynamoDb.describeContinuousBackups(r -> r.tableName(tableName)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");
    }

    @Test
    void theBucketAndTheBusExistWithTheirSettings(ProvisionedStack stack, AwsClients clients) {
        String bucket = stack.physicalId("ImportBucket");
        assertThat(bucket).isEqualTo(stack.stackName() + "-imports-" + stack.accountId() + "-us-east-1");

        var s3 = clients.s3();
        assertThat(s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration().blockPublicAcls())
                .isTrue();
        assertThat(s3.getBucketOwnershipControls(r -> r.bucket(bucket)).ownershipControls().rules())
                .extracting(rule -> rule.objectOwnershipAsString()).containsExactly("BucketOwnerEnforced");
        assertThat(s3.getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration().rules())
                .extracting(rule -> rule.applyServerSideEncryptionByDefault().sseAlgorithm())
                .containsExactly(ServerSideEncryption.AES256);

        String bus = stack.physicalId("EventBus");
        assertThat(bus).isEqualTo(stack.stackName() + "-sales-orders");
        assertThat(clients.eventBridge().describeEventBus(r -> r.name(bus)).arn())
                .isEqualTo(stack.resource("EventBus").orElseThrow().attributes().get("Arn"));
    }

    @Test
    void functionEnvironmentResolvesToTheRealNames(ProvisionedStack stack) {
        for (SamFunction function : stack.template().functions()) {
            assertThat(stack.environment(function))
                    .containsEntry("TABLE_NAME", stack.stackName() + "-sales-orders")
                    .containsEntry("BUCKET_NAME", stack.physicalId("ImportBucket"))
                    .containsEntry("EVENT_BUS_NAME", stack.physicalId("EventBus"));
        }
    }

    @Test
    void theSdkReachesTheEmulatorThroughSystemPropertiesAlone(URI endpoint) {
        assertThat(System.getProperty("aws.endpointUrl")).isEqualTo(endpoint.toString());
        assertThat(System.getProperty("aws.region")).isEqualTo("us-east-1");
        String tableName = System.getProperty("TABLE_NAME");
        assertThat(tableName).endsWith("-sales-orders");

        try (DynamoDbClient plain = DynamoDbClient.create()) {
            assertThat(plain.describeTable(r -> r.tableName(tableName)).table().tableStatusAsString())
                    .isEqualTo("ACTIVE");
        }
    }

    @Test
    void aSecondStackNameGivesSeparateResources(LocalAws aws) {
        String stackName = LocalAws.uniqueStackName("sales-orders-it");
        ProvisionedStack second = new TemplateProvisioner(aws.stack().template(), aws.clients()).provision(stackName);

        assertThat(second.physicalId("OrdersTable")).isEqualTo(stackName + "-sales-orders")
                .isNotEqualTo(aws.stack().physicalId("OrdersTable"));
    }
}
