package com.miniwms.salesorders.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

class TemplateProvisionerTest {

    private static Map<String, Object> stackTemplate(SamTemplate template) {
        try (AwsClients clients = new AwsClients(URI.create("http://127.0.0.1:1"), "us-east-1",
                AnonymousCredentialsProvider.create())) {
            return new TemplateProvisioner(template, clients).stackTemplate();
        }
    }

    @Test
    void theLocalStackHoldsOnlyTheStatefulResourcesAsDefined() {
        SamTemplate template = SamTemplate.loadProjectTemplate();

        Map<String, Object> body = stackTemplate(template);

        assertThat(body).doesNotContainKeys("Transform", "Globals", "Outputs");
        Map<String, Object> resources = Values.asMap(body.get("Resources"));
        assertThat(resources).containsOnlyKeys("OrdersTable", "ImportBucket", "EventBus",
                "OrderEventsDeadLetterQueue", "SyncDeadLetterQueue");
        Map<String, Object> table = Values.asMap(resources.get("OrdersTable"));
        assertThat(table.get("Properties")).isEqualTo(template.resource("OrdersTable").orElseThrow().properties());
        assertThat(Values.asMap(table.get("Properties")).get("TableName"))
                .isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-sales-orders"));
    }

    @Test
    void propertiesThatReferToResourcesLeftOutAreDropped() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                  Bus:
                    Type: AWS::Events::EventBus
                    Properties:
                      Name: bus
                  Table:
                    Type: AWS::DynamoDB::Table
                    DependsOn: [Key, Bus]
                    Properties:
                      TableName: t
                      SSESpecification:
                        KMSMasterKeyId: !GetAtt Key.Arn
                """);

        Map<String, Object> table = Values.asMap(Values.asMap(stackTemplate(template).get("Resources")).get("Table"));

        assertThat(Values.asMap(table.get("Properties"))).containsOnlyKeys("TableName");
        assertThat(table.get("DependsOn")).isEqualTo(List.of("Bus"));
    }
}
