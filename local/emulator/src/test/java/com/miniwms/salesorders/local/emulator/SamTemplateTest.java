package com.miniwms.salesorders.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    private static SamTemplate testTemplate() throws URISyntaxException {
        return SamTemplate.load(Path.of(SamTemplateTest.class.getResource("/intrinsics-template.yaml").toURI()));
    }

    @Test
    void shortFormTagsBecomeLongForm() throws Exception {
        Map<String, Object> env = testTemplate().function("Fn").orElseThrow().environment();

        assertThat(env.get("TABLE_NAME")).isEqualTo(Map.of("Ref", "Table"));
        assertThat(env.get("ARN")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "Arn")));
        assertThat(env.get("STREAM")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "StreamArn")));
        assertThat(env.get("JOINED")).isEqualTo(Map.of("Fn::Join", List.of("-", List.of(Map.of("Ref", "Stage"),
                Map.of("Fn::Select", List.of(1, Map.of("Fn::Split", List.of(",", "x,y,z"))))))));
        assertThat(env.get("CHOSEN")).isEqualTo(Map.of("Fn::If", List.of("IsDev", "dev-value", "prod-value")));
        assertThat(env.get("ENCODED")).isEqualTo(Map.of("Fn::Base64", "hello"));
        assertThat(env.get("ZONE")).isEqualTo(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))));
        assertThat(env.get("IMPORTED")).isEqualTo(Map.of("Fn::ImportValue", "other-stack-output"));
        assertThat(env.get("VARS")).isEqualTo(Map.of("Fn::Sub",
                List.of("${Name}-${Table}", Map.of("Name", Map.of("Ref", "Stage")))));
        assertThat(env.get("COND")).isEqualTo(Map.of("Condition", "IsProd"));
        assertThat(testTemplate().conditions().get("IsDev"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "dev")));
        assertThat(testTemplate().conditions().get("IsProd"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "IsDev"))));
        assertThat(testTemplate().function("Fn").orElseThrow().properties().get("MemorySize"))
                .isEqualTo(Map.of("Fn::FindInMap", List.of("Sizes", Map.of("Ref", "Stage"), "Memory")));
    }

    @Test
    void anchorsAndAliasesGiveEqualIndependentCopies() throws Exception {
        Map<String, Object> table = testTemplate().resource("Table").orElseThrow().properties();

        assertThat(table.get("Again")).isEqualTo(table.get("Projection"))
                .isEqualTo(Map.of("ProjectionType", "INCLUDE", "NonKeyAttributes", List.of("a", "b")));
        assertThat(table.get("Again")).isNotSameAs(table.get("Projection"));
    }

    @Test
    void timestampsStayStrings() throws Exception {
        assertThat(testTemplate().resource("Table").orElseThrow().properties().get("Created")).isEqualTo("2026-12-01");
    }

    @Test
    void globalsApplyTheWaySamAppliesThem() throws Exception {
        SamFunction fn = testTemplate().function("Fn").orElseThrow();

        assertThat(fn.timeoutSeconds()).isEqualTo(15);
        assertThat(fn.environment()).containsEntry("SHARED", "from-function")
                .containsEntry("TABLE_NAME", Map.of("Ref", "Table"));
        assertThat(fn.properties().get("Layers")).isEqualTo(List.of("global-layer", "own-layer"));
        assertThat(fn.handlerClass()).isEqualTo("com.example.Handler");
        assertThat(fn.handlerMethod()).isEqualTo("handleRequest");
        assertThat(fn.codeUri()).isEqualTo("target/fn.jar");
        assertThat(fn.events()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Get");
            assertThat(e.type()).isEqualTo("HttpApi");
            assertThat(e.string("Path")).contains("/things/{id}");
        });
    }

    @Test
    void readsTheProjectTemplate() {
        SamTemplate template = SamTemplate.loadProjectTemplate();

        assertThat(template.resourcesOfType("AWS::DynamoDB::Table")).extracting(SamResource::logicalId)
                .containsExactly("OrdersTable");
        assertThat(template.functions()).isNotEmpty().allSatisfy(fn -> {
            assertThat(fn.handler()).contains("::");
            assertThat(fn.runtime()).isEqualTo("java21");
            assertThat(fn.environment()).containsKeys("TABLE_NAME", "BUCKET_NAME", "EVENT_BUS_NAME");
        });
        assertThat(template.functions()).flatExtracting(SamFunction::events).isNotEmpty()
                .allSatisfy(e -> assertThat(e.type()).isNotBlank());
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThatThrownBy(() -> SamTemplate.parse("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n"))
                .hasMessageContaining("duplicate key");
    }

    @Test
    void dottedGetAttNeedsAnAttribute() {
        assertThatThrownBy(() -> SamTemplate.parse("Resources:\n  A:\n    Type: X\n    Properties: {B: !GetAtt A}\n"))
                .hasMessageContaining("LogicalId.Attribute");
    }
}
