package com.miniwms.salesorders.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.miniwms.salesorders.local.emulator.LocalAws;
import com.miniwms.salesorders.local.testhandlers.InMemoryOrdersHandler;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The runtime end to end: moto, the test template's resources, its handlers behind the HTTP API, seeding. */
class LocalRuntimeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path testTemplate() {
        try {
            return Path.of(LocalRuntimeIT.class.getResource("/runtime-it-template.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithoutAuth {
        private LocalRuntime runtime;
        private URI base;
        private ProcessHandle moto;

        @BeforeAll
        void start() {
            InMemoryOrdersHandler.ORDERS.clear();
            runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withTemplate(testTemplate())
                    .withStackName(LocalAws.uniqueStackName("local-runtime-it")));
            base = runtime.baseUri();
            moto = runtime.aws().server().processHandle().orElseThrow();
        }

        @AfterAll
        void stop() {
            runtime.close();
            assertThat(moto.isAlive()).as("moto stopped").isFalse();
        }

        @Test
        void startsOnAFreePortAndSaysSoInOneLine() {
            assertThat(base.getPort()).isPositive();
            assertThat(runtime.readyLine()).matches("Sales orders API ready at http://127\\.0\\.0\\.1:\\d+ "
                    + "\\(AWS emulator http://127\\.0\\.0\\.1:\\d+, stack local-runtime-it-[a-z0-9]{8}, "
                    + "4 demo orders\\)");
        }

        @Test
        void seedsTheDemoOrdersThroughTheApiOnceOnly() throws Exception {
            assertThat(runtime.demoOrders()).isEqualTo(4);
            assertThat(InMemoryOrdersHandler.ORDERS).containsOnlyKeys("SO-DEMO-0001", "SO-DEMO-0002",
                    "SO-DEMO-0003", "SO-DEMO-0004");

            assertThat(DemoOrders.seed(base, null)).as("second run meets 409s").isEqualTo(4);

            HttpResponse<String> order = send(HttpRequest.newBuilder(base.resolve("/orders/SO-DEMO-0002")));
            assertThat(order.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(order.body()).path("lines")).hasSize(3);
        }

        @Test
        void routesComeFromTheTemplateWithTheirEventAndContext() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/echo/abc%20d?x=1&x=2"))
                    .header("X-Client", "it"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("set-cookie")).hasSize(2);
            JsonNode body = JSON.readTree(response.body());
            JsonNode event = body.path("event");
            assertThat(event.path("routeKey").asText()).isEqualTo("GET /echo/{id}");
            assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("abc d");
            assertThat(event.path("queryStringParameters").path("x").asText()).isEqualTo("1,2");
            assertThat(event.path("headers").path("x-client").asText()).isEqualTo("it");
            assertThat(event.path("requestContext").path("accountId").asText()).isEqualTo("123456789012");
            assertThat(body.path("functionName").asText()).isEqualTo(runtime.aws().stack().stackName()
                    + "-EchoFunction");
            assertThat(body.path("memoryLimitInMB").asInt()).isEqualTo(512);
            assertThat(body.path("remainingTimeInMillis").asInt()).isBetween(1, 7000);

            HttpResponse<String> greedy = send(HttpRequest.newBuilder(base.resolve("/files/a/b.txt"))
                    .PUT(HttpRequest.BodyPublishers.ofString("x")));
            assertThat(greedy.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(greedy.body()).path("event").path("pathParameters").path("proxy").asText())
                    .isEqualTo("a/b.txt");
        }

        @Test
        void handlersReachTheProvisionedTableThroughTheSystemProperties() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/table")));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("table").asText()).isEqualTo(runtime.aws().stack().stackName() + "-things");
            assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(body.path("greeting").asText()).isEqualTo("hello");
        }

        @Test
        void failuresAnswerAsApiGatewayDoes() throws Exception {
            HttpResponse<String> boom = send(HttpRequest.newBuilder(base.resolve("/boom")));
            assertThat(boom.statusCode()).isEqualTo(500);
            assertThat(boom.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");

            assertThat(send(HttpRequest.newBuilder(base.resolve("/missing"))).statusCode())
                    .as("handler class not on the class path").isEqualTo(500);
            assertThat(send(HttpRequest.newBuilder(base.resolve("/nowhere"))).body())
                    .isEqualTo("{\"message\":\"Not Found\"}");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithAuth {
        private static final String SECRET = "runtime-it-secret";
        private LocalRuntime runtime;
        private URI base;

        @BeforeAll
        void start() {
            InMemoryOrdersHandler.ORDERS.clear();
            runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withTemplate(testTemplate())
                    .withStackName(LocalAws.uniqueStackName("local-runtime-it")).withAuth(SECRET));
            base = runtime.baseUri();
        }

        @AfterAll
        void stop() {
            runtime.close();
        }

        @Test
        void seedingSignsItsOwnTokenAndRoutesCheckScopes() throws Exception {
            assertThat(runtime.demoOrders()).isEqualTo(4);
            assertThat(runtime.readyLine()).endsWith(", 4 demo orders, JWT auth on)");

            String read = LocalJwt.token(SECRET, "wms", List.of("things/read"), Duration.ofMinutes(1));
            assertThat(send(HttpRequest.newBuilder(base.resolve("/echo/1"))).statusCode()).isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(base.resolve("/echo/1")).header("Authorization",
                    "Bearer " + read)).statusCode()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(base.resolve("/echo")).header("Authorization", "Bearer " + read)
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(403);
            assertThat(send(HttpRequest.newBuilder(base.resolve("/table"))).statusCode())
                    .as("Authorizer: NONE").isEqualTo(200);
        }
    }
}
