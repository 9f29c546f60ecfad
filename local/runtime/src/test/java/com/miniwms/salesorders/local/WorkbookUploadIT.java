package com.miniwms.salesorders.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A workbook put into the local bucket under imports/ is imported by the S3-triggered function. */
class WorkbookUploadIT {
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withSeed(false)
                .withStackName("sales-orders-upload-" + ProcessHandle.current().pid()));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void anUploadedFixtureWorkbookBecomesThreeOrders() throws Exception {
        Path root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        Path fixture = root.resolveSibling("shared").resolve("fixtures/mini-wms/salesorders.xlsx");
        Assumptions.assumeTrue(Files.isRegularFile(fixture), "Fixture " + fixture + " is absent; test skipped");
        String bucket = runtime.aws().stack().physicalId("ImportBucket");
        runtime.aws().clients().s3().putObject(b -> b.bucket(bucket).key("imports/March orders.xlsx"),
                RequestBody.fromFile(fixture));

        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    runtime.baseUri().resolve("/orders/SAL0033")).GET().build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status == 200) {
                assertThat(response.body()).contains("3826547190315").contains("\"channel\":\"EXCEL\"");
                break;
            }
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo(200);
        HttpResponse<String> imports = http.send(HttpRequest.newBuilder(runtime.baseUri().resolve("/imports"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imports.statusCode()).isEqualTo(200);
        assertThat(imports.body()).contains("March orders.xlsx").contains("\"ordersCreated\":3");
    }
}
