package com.miniwms.salesorders.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.miniwms.salesorders.api.OpenApiContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order API end to end: the local runtime on the emulator, driven over HTTP as the WMS screens drive it.
 * Every response is also checked against openapi.yaml.
 */
class OrdersApiE2EIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Map<String, String> ROUTES = Map.of(
            "/orders", "/orders",
            "/orders/*", "/orders/{orderNumber}",
            "/orders/*/status", "/orders/{orderNumber}/status",
            "/orders/*/lines", "/orders/{orderNumber}/lines",
            "/orders/*/lines/*", "/orders/{orderNumber}/lines/{lineNumber}",
            "/orders/*/history", "/orders/{orderNumber}/history");

    private static LocalRuntime runtime;
    private static HttpClient http;
    private static OpenApiContract contract;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withSeed(false)
                .withStackName("sales-orders-e2e-" + ProcessHandle.current().pid()));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        contract = OpenApiContract.load();
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    record Reply(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static Reply send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
        String rawPath = URI.create(path).getPath();
        String route = ROUTES.get(rawPath.replaceAll("/orders/[^/]+", "/orders/*").replaceAll("/lines/[^/]+$",
                "/lines/*"));
        if (route != null) {
            String contentType = reply.header("Content-Type");
            contract.validate(method, route, reply.status(), contentType,
                    reply.body().isEmpty() ? null : reply.body());
        }
        return reply;
    }

    private static String number(String tag) {
        return "E2E" + tag + ProcessHandle.current().pid() + "X" + SEQ.incrementAndGet();
    }

    private static String order(String number, String name) {
        return """
                {"orderNumber":"%s","wave":"W1","orderDate":"2026-12-01",
                 "shipTo":{"name":"%s","address1":"12 High Street","city":"Leeds","postcode":"LS1 4AP",
                           "country":"United Kingdom","email":"jane@example.com"},
                 "currency":"GBP",
                 "lines":[{"lineNumber":1,"sku":"1628437592043","quantityOrdered":2,"unitPrice":"9.90"}]}
                """.formatted(number, name);
    }

    /** The events the local runtime saw published for one order, waiting until {@code count} have arrived. */
    private static List<JsonNode> eventsOf(String number, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<JsonNode> events = List.of();
        while (System.nanoTime() < deadline) {
            events = runtime.publishedEvents().stream()
                    .filter(e -> e.path("detail").path("orderNumber").asText().equals(number)).toList();
            if (events.size() >= count) {
                break;
            }
            Thread.sleep(100);
        }
        return events;
    }

    @Test
    void theStreamCarriesEveryChangeToTheEventBusAndTheHistoryOutlivesTheOrder() throws Exception {
        String n = number("EVT");
        assertThat(send("POST", "/orders", order(n, "Jane Smith")).status()).isEqualTo(201);
        assertThat(send("POST", "/orders/" + n + "/status", "{\"status\":\"CANCELLED\",\"reason\":\"asked\"}",
                "If-Match", "\"1\"").status()).isEqualTo(200);
        assertThat(send("DELETE", "/orders/" + n, null, "If-Match", "\"2\"").status()).isEqualTo(204);

        List<JsonNode> events = eventsOf(n, 4);
        assertThat(events).extracting(e -> e.path("detail-type").asText()).containsExactlyInAnyOrder(
                "SalesOrderCreated", "SalesOrderStatusChanged", "SalesOrderCancelled", "SalesOrderDeleted");

        Reply history = send("GET", "/orders/" + n + "/history", null);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().path("items")).extracting(e -> e.path("action").asText())
                .containsExactly("DELETED", "STATUS_CHANGED", "CREATED");
        assertThat(send("GET", "/orders/" + n + "/history?limit=1", null).json().has("nextCursor")).isTrue();
    }

    @Test
    void anOrderLivesItsWholeLifeThroughTheApi() throws Exception {
        String n = number("LIFE");

        Reply created = send("POST", "/orders", order(n, "Jane  Smith"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/orders/" + n);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        Reply read = send("GET", "/orders/" + n.toLowerCase(), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("shipTo").path("name").asText()).isEqualTo("Jane Smith");
        assertThat(read.json().path("shipTo").path("country").asText()).isEqualTo("GB");
        assertThat(read.json().path("lines").get(0).path("sku").asText()).isEqualTo("1628437592043");

        Reply listed = send("GET", "/orders?q=" + n.toLowerCase(), null);
        assertThat(listed.json().path("items")).hasSize(1);
        assertThat(listed.json().path("items").get(0).path("lineCount").asInt()).isEqualTo(1);

        Reply header = send("PUT", "/orders/" + n, """
                {"shipTo":{"name":"Jane Smith","city":"York","country":"GB"},"wave":"W7","currency":"GBP",
                 "notes":"ring twice"}""", "If-Match", "\"1\"");
        assertThat(header.status()).isEqualTo(200);
        assertThat(header.header("ETag")).isEqualTo("\"2\"");

        Reply added = send("POST", "/orders/" + n + "/lines", "{\"sku\":\"WIDGET-RED-M\",\"quantityOrdered\":3}",
                "If-Match", "\"2\"");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("lines")).hasSize(2);

        Reply changed = send("PUT", "/orders/" + n + "/lines/2", "{\"sku\":\"WIDGET-RED-L\",\"quantityOrdered\":4}",
                "If-Match", "\"3\"");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("lines").get(1).path("sku").asText()).isEqualTo("WIDGET-RED-L");

        Reply removed = send("DELETE", "/orders/" + n + "/lines/1", null, "If-Match", "\"4\"");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().path("lines")).hasSize(1);

        Reply held = send("POST", "/orders/" + n + "/status", "{\"status\":\"ON_HOLD\",\"reason\":\"address check\"}",
                "If-Match", "\"5\"");
        assertThat(held.status()).isEqualTo(200);
        assertThat(held.json().path("statusReason").asText()).isEqualTo("address check");

        Reply deleted = send("DELETE", "/orders/" + n, null, "If-Match", "\"6\"");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(send("GET", "/orders/" + n, null).status()).isEqualTo(404);
    }

    @Test
    void everyErrorIsAProblemWithTheRightStatus() throws Exception {
        String n = number("ERR");
        assertThat(send("POST", "/orders", order(n, "Err")).status()).isEqualTo(201);

        Reply invalid = send("POST", "/orders", order(number("BAD"), "").replace("\"quantityOrdered\":2",
                "\"quantityOrdered\":-1"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(invalid.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("shipTo.name", "lines[0].quantityOrdered");

        assertThat(send("POST", "/orders", "{\"shipTo\":").status()).isEqualTo(400);
        assertThat(send("POST", "/orders", "{\"colour\":\"red\"}").status()).isEqualTo(400);
        assertThat(send("POST", "/orders", order(number("T"), "x").replace("\"sku\":\"1628437592043\"",
                "\"sku\":1628437592043")).status()).isEqualTo(400);
        assertThat(send("GET", "/orders?limit=0", null).status()).isEqualTo(400);
        assertThat(send("GET", "/orders?cursor=bm90LWEtY3Vyc29y", null).status()).isEqualTo(400);
        assertThat(send("GET", "/orders/" + number("NONE"), null).status()).isEqualTo(404);
        assertThat(send("POST", "/orders", order(n, "Again")).status()).isEqualTo(409);
        assertThat(send("PUT", "/orders/" + n, "{\"shipTo\":{\"name\":\"X\"},\"currency\":\"GBP\"}").status())
                .isEqualTo(428);
        assertThat(send("PUT", "/orders/" + n, "{\"shipTo\":{\"name\":\"X\"},\"currency\":\"GBP\"}",
                "If-Match", "\"9\"").status()).isEqualTo(412);
        String big = "{\"notes\":\"" + "x".repeat(1_100_000) + "\"}";
        assertThat(send("POST", "/orders", big).status()).isEqualTo(413);
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(runtime.baseUri().resolve("/orders"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("a,b")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        String key = "key-" + n;
        assertThat(send("POST", "/orders", order(number("IDEM"), "Idem"), "Idempotency-Key", key).status())
                .isEqualTo(201);
        assertThat(send("POST", "/orders", order(number("IDEM"), "Other"), "Idempotency-Key", key).status())
                .isEqualTo(422);
        assertThat(send("POST", "/orders/" + n + "/status", "{\"status\":\"ALLOCATED\"}", "If-Match", "\"1\"")
                .status()).isEqualTo(200);
        assertThat(send("DELETE", "/orders/" + n, null, "If-Match", "\"2\"").status()).isEqualTo(409);
        assertThat(send("POST", "/orders/" + n + "/status", "{\"status\":\"CLOSED\"}", "If-Match", "\"2\"")
                .status()).isEqualTo(409);
        assertThat(send("GET", "/orders/" + n, null).json().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void aRetriedCreateWithTheSameKeyAnswersTheSameAndWritesOnce() throws Exception {
        String body = order(number("RETRY"), "Retry").replaceFirst("\"orderNumber\":\"[^\"]+\",", "");
        String key = "retry-" + SEQ.incrementAndGet() + "-" + ProcessHandle.current().pid();

        Reply first = send("POST", "/orders", body, "Idempotency-Key", key);
        Reply second = send("POST", "/orders", body, "Idempotency-Key", key);

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(first.json().path("orderNumber").asText()).matches("SO\\d{6}");
    }

    @Test
    void pagesCoverEveryOrderExactlyOnce() throws Exception {
        String prefix = number("PAGE");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String n = prefix + "N" + (char) ('A' + i);
            assertThat(send("POST", "/orders", order(n, "Pager " + i)).status()).isEqualTo(201);
            created.add(n);
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = send("GET", "/orders?limit=5&q=" + prefix + (cursor == null ? "" : "&cursor=" + cursor),
                    null);
            assertThat(page.status()).isEqualTo(200);
            page.json().path("items").forEach(item -> seen.add(item.path("orderNumber").asText()));
            cursor = page.json().path("nextCursor").isMissingNode() || page.json().path("nextCursor").isNull()
                    ? null : page.json().path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void twentyConcurrentUpdatesWithOneETagHaveExactlyOneWinner() throws Exception {
        String n = number("RACE");
        assertThat(send("POST", "/orders", order(n, "Race")).status()).isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String wave = "W" + i;
            Callable<Reply> update = () -> {
                start.await();
                return send("PUT", "/orders/" + n, """
                        {"shipTo":{"name":"Race"},"wave":"%s","currency":"GBP"}""".formatted(wave),
                        "If-Match", "\"1\"");
            };
            replies.add(pool.submit(update));
        }
        start.countDown();
        List<Reply> done = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            done.add(reply.get());
        }
        pool.shutdown();

        List<Reply> winners = done.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSize(1);
        assertThat(done).filteredOn(r -> r.status() != 200).extracting(Reply::status).containsOnly(412);
        JsonNode finalOrder = send("GET", "/orders/" + n, null).json();
        assertThat(finalOrder.path("version").asInt()).isEqualTo(2);
        assertThat(finalOrder.path("wave").asText()).isEqualTo(winners.get(0).json().path("wave").asText());
        assertThat(finalOrder.path("lines")).hasSize(1);
        // The history shows the one accepted change, and none of the nineteen refused ones.
        JsonNode history = send("GET", "/orders/" + n + "/history", null).json().path("items");
        assertThat(history).extracting(e -> e.path("action").asText()).containsExactly("UPDATED", "CREATED");
        assertThat(history).extracting(e -> e.path("version").asInt()).containsExactly(2, 1);
    }
}
