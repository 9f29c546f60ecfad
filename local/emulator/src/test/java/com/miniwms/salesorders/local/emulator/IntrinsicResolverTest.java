package com.miniwms.salesorders.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntrinsicResolverTest {

    private SamTemplate template;
    private IntrinsicResolver resolver;
    private Map<String, Object> env;

    @BeforeEach
    void setUp() throws Exception {
        template = SamTemplate.load(Path.of(getClass().getResource("/intrinsics-template.yaml").toURI()));
        StackIdentity stack = new StackIdentity("my-stack", "arn:aws:cloudformation:eu-west-2:111122223333:stack/x/y",
                "eu-west-2", "111122223333");
        resolver = new IntrinsicResolver(template, stack, Map.of(), new IntrinsicResolver.ResourceLookup() {
            @Override
            public Optional<String> ref(String logicalId) {
                return "Table".equals(logicalId) ? Optional.of("my-stack-table") : Optional.empty();
            }

            @Override
            public Optional<String> attribute(String logicalId, String attribute) {
                return "Table".equals(logicalId) && "Arn".equals(attribute)
                        ? Optional.of("arn:aws:dynamodb:eu-west-2:111122223333:table/my-stack-table")
                        : Optional.empty();
            }
        });
        env = template.function("Fn").orElseThrow().environment();
    }

    @Test
    void refsAndGetAttsGivePhysicalValues() {
        assertThat(resolver.resolveString(env.get("TABLE_NAME"))).isEqualTo("my-stack-table");
        assertThat(resolver.resolveString(env.get("ARN")))
                .isEqualTo("arn:aws:dynamodb:eu-west-2:111122223333:table/my-stack-table");
    }

    @Test
    void subExpandsPseudoParametersParametersResourcesAndVariables() {
        assertThat(resolver.resolveString(template.resource("Table").orElseThrow().properties().get("TableName")))
                .isEqualTo("my-stack-table");
        assertThat(resolver.resolveString(env.get("LITERAL")))
                .isEqualTo("${NotAVariable}-dev-eu-west-2-111122223333");
        assertThat(resolver.resolveString(env.get("VARS"))).isEqualTo("dev-my-stack-table");
        assertThat(resolver.resolveString(env.get("DOTTED")))
                .isEqualTo("arn:aws:dynamodb:eu-west-2:111122223333:table/my-stack-table/index/*");
    }

    @Test
    void listFunctionsConditionsAndMappingsEvaluate() {
        assertThat(resolver.resolveString(env.get("JOINED"))).isEqualTo("dev-y");
        assertThat(resolver.resolveString(env.get("CHOSEN"))).isEqualTo("dev-value");
        assertThat(resolver.resolveString(env.get("ENCODED"))).isEqualTo("aGVsbG8=");
        assertThat(resolver.resolveString(env.get("ZONE"))).isEqualTo("eu-west-2a");
        assertThat(resolver.condition("IsProd")).isFalse();
        assertThat(resolver.resolve(Map.of("Ref", "Zones"))).isEqualTo(java.util.List.of("a", "b"));
        assertThat(resolver.resolve(template.function("Fn").orElseThrow().properties().get("MemorySize")))
                .isEqualTo(512);
    }

    @Test
    void parameterOverridesReplaceDefaults() {
        IntrinsicResolver prod = new IntrinsicResolver(template, new StackIdentity("s", "id", "us-east-1", "1"),
                Map.of("Stage", "prod"), new IntrinsicResolver.ResourceLookup() {
                    @Override
                    public Optional<String> ref(String logicalId) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> attribute(String logicalId, String attribute) {
                        return Optional.empty();
                    }
                });

        assertThat(prod.resolveString(env.get("CHOSEN"))).isEqualTo("prod-value");
    }

    @Test
    void noValueDropsTheEntry() {
        assertThat(resolver.resolve(Map.of("Keep", "x", "Drop", Map.of("Ref", "AWS::NoValue"))))
                .isEqualTo(Map.of("Keep", "x"));
    }

    @Test
    void whatHasNoLocalValueIsReported() {
        assertThatThrownBy(() -> resolver.resolveString(env.get("IMPORTED")))
                .isInstanceOf(IntrinsicResolver.UnresolvableException.class);
        assertThatThrownBy(() -> resolver.resolveString(env.get("STREAM")))
                .isInstanceOf(IntrinsicResolver.UnresolvableException.class)
                .hasMessageContaining("Table.StreamArn");
        assertThatThrownBy(() -> resolver.resolveString(Map.of("Ref", "NoDefault")))
                .isInstanceOf(IntrinsicResolver.UnresolvableException.class);
    }
}
