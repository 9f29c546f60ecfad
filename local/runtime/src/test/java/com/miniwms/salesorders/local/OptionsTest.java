package com.miniwms.salesorders.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsArePort3000WithDemoOrdersAndNoAuth() {
        LocalRuntime.Options options = LocalRuntime.Options.parse(new String[0], Map.of());

        assertThat(options.port()).isEqualTo(3000);
        assertThat(options.seed()).isTrue();
        assertThat(options.auth()).isFalse();
        assertThat(options.stackName()).isEqualTo("sales-orders-local");
    }

    @Test
    void environmentSetsPortSeedingAndAuthAndTheCommandLineWins() {
        Map<String, String> env = Map.of("PORT", "4000", "SEED", "false", "LOCAL_AUTH", "on",
                "LOCAL_JWT_SECRET", "s3cret");

        LocalRuntime.Options fromEnv = LocalRuntime.Options.parse(new String[0], env);
        assertThat(fromEnv.port()).isEqualTo(4000);
        assertThat(fromEnv.seed()).isFalse();
        assertThat(fromEnv.auth()).isTrue();
        assertThat(fromEnv.jwtSecret()).isEqualTo("s3cret");

        LocalRuntime.Options fromArgs = LocalRuntime.Options.parse(new String[] {"--port", "0", "--seed",
                "--no-auth"}, env);
        assertThat(fromArgs.port()).isZero();
        assertThat(fromArgs.seed()).isTrue();
        assertThat(fromArgs.auth()).isFalse();
    }

    @Test
    void authNeedsASecretAndTheSecretIsNeverPrinted() {
        assertThatThrownBy(() -> LocalRuntime.Options.parse(new String[] {"--auth"}, Map.of()))
                .hasMessageContaining("LOCAL_JWT_SECRET");

        LocalRuntime.Options options = LocalRuntime.Options.parse(new String[] {"--auth", "--no-seed"},
                Map.of("LOCAL_JWT_SECRET", "s3cret"));
        assertThat(options.toString()).doesNotContain("s3cret");
    }

    @Test
    void unknownOptionsAndBadPortsAreRejectedAndHelpIsRecognised() {
        assertThatThrownBy(() -> LocalRuntime.Options.parse(new String[] {"--verbose"}, Map.of()))
                .hasMessageContaining("--verbose");
        assertThatThrownBy(() -> LocalRuntime.Options.parse(new String[] {"--port", "http"}, Map.of()))
                .hasMessageContaining("http");
        assertThatThrownBy(() -> LocalRuntime.Options.parse(new String[0], Map.of("PORT", "70000")))
                .hasMessageContaining("70000");
        assertThat(LocalRuntime.Options.parse(new String[] {"--help"}, Map.of())).isNull();
    }
}
