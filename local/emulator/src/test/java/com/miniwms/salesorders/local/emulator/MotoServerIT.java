package com.miniwms.salesorders.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoServerIT {

    @Test
    void motoAnswersWhileRunningAndIsGoneWithItsChildrenAfterClose(@TempDir Path logs) throws Exception {
        MotoServer server = MotoServer.startMoto(ProjectPaths.venv(), logs, Duration.ofSeconds(60));
        ProcessHandle process = server.processHandle().orElseThrow();
        var children = process.descendants().toList();
        HttpRequest ping = HttpRequest.newBuilder(server.endpoint().resolve("/moto-api/")).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            assertThat(client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            assertThat(server.logFile()).hasValueSatisfying(log -> assertThat(log).startsWith(logs).exists());

            server.close();

            assertThat(process.isAlive()).isFalse();
            assertThat(children).noneMatch(ProcessHandle::isAlive);
            assertThatThrownBy(() -> client.send(ping, HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(IOException.class)
                    .satisfiesAnyOf(e -> assertThat(e).isInstanceOf(ConnectException.class),
                            e -> assertThat(e).hasRootCauseInstanceOf(ConnectException.class));
        }
    }

    @Test
    void aMissingEnvironmentSaysHowToCreateIt(@TempDir Path empty) {
        assertThatThrownBy(() -> MotoServer.startMoto(empty.resolve("no-venv"), empty, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("make test")
                .hasMessageContaining("moto_server");
    }
}
