package com.miniwms.salesorders.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.InMemoryOrderRepository;
import com.miniwms.salesorders.storage.OrderRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the handlers through every operation's success and error paths and checks each answer against
 * openapi.yaml: the status is declared for the operation, the body matches the schema declared for that status and
 * the declared headers are sent. Each test also checks that it produced every status its operation declares, except
 * those only API Gateway sends; so a status documented but never returned, or returned but not documented, fails.
 */
class OpenApiResponsesTest {
    /** Statuses API Gateway's JWT authorizer answers before a handler runs. */
    private static final Set<Integer> GATEWAY_ONLY = Set.of(401, 403);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String ORDER = """
            {"orderNumber":"SAL0001","wave":"W1","orderDate":"2026-12-01",
             "shipTo":{"name":"  Jane   Smith ","address1":"12 High Street","address2":"Flat 3","city":"Leeds",
                       "state":"West Yorkshire","postcode":"LS1 4AP","country":"United Kingdom",
                       "phone":"0113 496 0000","email":"jane@example.com"},
             "currency":"gbp","totals":{"subtotal":"20.80","shipping":3.5,"tax":"4.86","discount":"0","total":"29.16"},
             "notes":"Leave with the neighbour\\nif out",
             "lines":[{"lineNumber":1,"sku":"1628437592043","description":"Blue widget","quantityOrdered":2,
                       "unitPrice":"9.90"},
                      {"lineNumber":2,"sku":"WIDGET-RED-M","quantityOrdered":1,"unitPrice":1}]}
            """;
    static final String SHOPIFY_ORDER = """
            {"channel":"SHOPIFY","channelConnectionId":"shop-eu-1","externalOrderId":"#1042","status":"ON_HOLD",
             "statusReason":"Address to be confirmed","shipTo":{"name":"Max Mustermann","country":"DE"},
             "lines":[{"sku":"GADGET-1","quantityOrdered":3}]}
            """;
    static final String HEADER = """
            {"shipTo":{"name":"Jane Smith","city":"York","country":"GB"},"wave":"W2","currency":"GBP"}""";
    /** Larger than the 1 MiB the API reads. */
    static final String HUGE = "{\"notes\":\"" + "x".repeat(1024 * 1024) + "\"}";

    private static OpenApiContract contract;

    private OrdersReadHandler read;
    private OrdersWriteHandler write;
    private OrdersReadHandler brokenRead;
    private OrdersWriteHandler brokenWrite;
    /** Statuses seen per route key in this test. */
    private final Map<String, Set<Integer>> seen = new TreeMap<>();

    @BeforeAll
    static void loadContract() {
        contract = OpenApiContract.load();
    }

    @BeforeEach
    void setUp() {
        OrderService service = new OrderService(new InMemoryOrderRepository(),
                Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
        read = new OrdersReadHandler(service);
        write = new OrdersWriteHandler(service);
        OrderRepository down = (OrderRepository) Proxy.newProxyInstance(OrderRepository.class.getClassLoader(),
                new Class<?>[] {OrderRepository.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("the store is down");
                });
        OrderService failing = new OrderService(down, Clock.systemUTC());
        brokenRead = new OrdersReadHandler(failing);
        brokenWrite = new OrdersWriteHandler(failing);
    }

    // ------------------------------------------------------------------------------------------------ operations

    @Test
    void listOrders() throws Exception {
        create(ORDER);
        create(ORDER.replace("SAL0001", "SAL0002").replace("2026-12-01", "2026-12-02"));
        create(SHOPIFY_ORDER);

        JsonNode first = json(get("/orders").query("limit", "2").expect(200));
        assertThat(first.path("items")).hasSize(2);
        JsonNode last = json(get("/orders").query("limit", "2").query("cursor", first.path("nextCursor").asText())
                .expect(200));
        assertThat(last.path("items")).hasSize(1);
        assertThat(last.has("nextCursor")).isFalse();
        assertThat(json(get("/orders").query("status", "available").query("channel", "MANUAL")
                .query("from", "2026-12-01").query("to", "2026-12-31").query("q", "sal").expect(200))
                .path("items")).hasSize(2);
        get("/orders").query("status", "SHIPPED").query("limit", "0").query("colour", "red").expect(400);
        get("/orders").query("from", "2026-12-02").query("to", "2026-12-01").expect(400);
        get("/orders").broken().expect(500);

        assertEveryDeclaredStatusWasSeen("GET /orders");
    }

    @Test
    void createOrder() throws Exception {
        JsonNode created = json(request("POST", "/orders", "/orders").body(ORDER).expect(201));
        assertThat(created.path("shipTo").path("country").asText()).isEqualTo("GB");
        create(SHOPIFY_ORDER);

        String unnumbered = ORDER.replace("\"orderNumber\":\"SAL0001\",", "");
        APIGatewayV2HTTPResponse first = request("POST", "/orders", "/orders").body(unnumbered)
                .header("Idempotency-Key", "k-1").expect(201);
        APIGatewayV2HTTPResponse replay = request("POST", "/orders", "/orders").body(unnumbered)
                .header("Idempotency-Key", "k-1").expect(201);
        assertThat(replay.getBody()).isEqualTo(first.getBody());
        request("POST", "/orders", "/orders").body(unnumbered.replace("W1", "W9")).header("Idempotency-Key", "k-1")
                .expect(422);

        request("POST", "/orders", "/orders").body(ORDER).expect(409);
        request("POST", "/orders", "/orders").body(SHOPIFY_ORDER).expect(409);

        String invalid = ORDER.replace("\"quantityOrdered\":2", "\"quantityOrdered\":0")
                .replace("jane@example.com", "jane-at-example");
        rejectedBySchemaAndApi("POST", "/orders", "/orders", invalid);
        rejectedBySchemaAndApi("POST", "/orders", "/orders", ORDER.replace("\"wave\"", "\"colour\""));
        rejectedBySchemaAndApi("POST", "/orders", "/orders", ORDER.replace("\"wave\":\"W1\"", "\"version\":3"));
        rejectedBySchemaAndApi("POST", "/orders", "/orders", ORDER.replace("\"quantityOrdered\":1",
                "\"quantityOrdered\":1,\"quantityPicked\":1"));
        rejectedBySchemaAndApi("POST", "/orders", "/orders", SHOPIFY_ORDER.replace("\"externalOrderId\":\"#1042\",",
                ""));
        rejectedBySchemaAndApi("POST", "/orders", "/orders", SHOPIFY_ORDER.replace("\"SHOPIFY\"", "\"MANUAL\""));
        rejectedBySchemaAndApi("POST", "/orders", "/orders", SHOPIFY_ORDER.replace(
                "\"statusReason\":\"Address to be confirmed\",", ""));
        request("POST", "/orders", "/orders").body("{\"orderNumber\":").expect(400);
        request("POST", "/orders", "/orders").body(ORDER).header("Idempotency-Key", "k".repeat(256)).expect(400);
        request("POST", "/orders", "/orders").body(HUGE).expect(413);
        request("POST", "/orders", "/orders").body(ORDER).header("Content-Type", "text/plain").expect(415);
        request("POST", "/orders", "/orders").body(ORDER).broken().expect(500);

        assertEveryDeclaredStatusWasSeen("POST /orders");
    }

    @Test
    void getOrder() throws Exception {
        create(ORDER);
        create(SHOPIFY_ORDER);

        JsonNode order = json(get("/orders/sal0001").expect(200));
        assertThat(order.path("lines")).hasSize(2);
        get("/orders/SO000001").expect(200);
        get("/orders/%3Cscript%3E").expect(400);
        get("/orders/SAL9999").expect(404);
        get("/orders/SAL0001").broken().expect(500);

        assertEveryDeclaredStatusWasSeen("GET /orders/{orderNumber}");
    }

    @Test
    void getOrderHistory() throws Exception {
        create(ORDER);
        allocate("SAL0001", 1);
        String route = "/orders/{orderNumber}/history";

        JsonNode history = json(request("GET", route, "/orders/sal0001/history").expect(200));
        assertThat(history.path("items")).hasSize(2);
        assertThat(history.path("items").get(0).path("action").asText()).isEqualTo("STATUS_CHANGED");
        JsonNode first = json(request("GET", route, "/orders/SAL0001/history").query("limit", "1").expect(200));
        assertThat(first.path("items")).hasSize(1);
        JsonNode rest = json(request("GET", route, "/orders/SAL0001/history").query("limit", "1")
                .query("cursor", first.path("nextCursor").asText()).expect(200));
        assertThat(rest.path("items").get(0).path("action").asText()).isEqualTo("CREATED");
        assertThat(rest.has("nextCursor")).isFalse();
        request("GET", route, "/orders/SAL0001/history").query("limit", "0").query("colour", "red").expect(400);
        request("GET", route, "/orders/SAL9999/history").expect(404);
        request("GET", route, "/orders/SAL0001/history").broken().expect(500);

        assertEveryDeclaredStatusWasSeen("GET " + route);
    }

    @Test
    void updateOrderHeader() {
        create(ORDER);
        String route = "/orders/{orderNumber}";

        request("PUT", route, "/orders/SAL0001").body(HEADER).expect(428);
        request("PUT", route, "/orders/SAL0001").body(HEADER).ifMatch("1").expect(200);
        request("PUT", route, "/orders/SAL0001").body(HEADER).ifMatch("1").expect(412);
        request("PUT", route, "/orders/SAL0001").body(HEADER).ifMatch("one").expect(400);
        rejectedBySchemaAndApi("PUT", route, "/orders/SAL0001", HEADER.replace("\"wave\"", "\"status\""), "2");
        rejectedBySchemaAndApi("PUT", route, "/orders/SAL0001", "{\"wave\":\"W3\"}", "2");
        request("PUT", route, "/orders/SAL0404").body(HEADER).ifMatch("1").expect(404);
        request("PUT", route, "/orders/SAL0001").body(HUGE).ifMatch("2").expect(413);
        request("PUT", route, "/orders/SAL0001").body(HEADER).ifMatch("2").header("Content-Type", "text/csv")
                .expect(415);
        request("PUT", route, "/orders/SAL0001").body(HEADER).ifMatch("2").broken().expect(500);
        allocate("SAL0001", 2);
        request("PUT", route, "/orders/SAL0001").body(HEADER).ifMatch("3").expect(409);

        assertEveryDeclaredStatusWasSeen("PUT " + route);
    }

    @Test
    void deleteOrder() {
        create(ORDER);
        create(ORDER.replace("SAL0001", "SAL0002"));
        String route = "/orders/{orderNumber}";

        request("DELETE", route, "/orders/SAL0001").expect(428);
        request("DELETE", route, "/orders/SAL0001").ifMatch("W/\"7\"").expect(412);
        request("DELETE", route, "/orders/SAL0001").ifMatch("*").expect(400);
        request("DELETE", route, "/orders/SAL0001").ifMatch("1").broken().expect(500);
        request("DELETE", route, "/orders/SAL0001").ifMatch("1").expect(204);
        request("DELETE", route, "/orders/SAL0001").ifMatch("1").expect(404);
        allocate("SAL0002", 1);
        request("DELETE", route, "/orders/SAL0002").ifMatch("2").expect(409);

        assertEveryDeclaredStatusWasSeen("DELETE " + route);
    }

    @Test
    void changeOrderStatus() throws Exception {
        create(ORDER);
        String route = "/orders/{orderNumber}/status";
        String path = "/orders/SAL0001/status";

        request("POST", route, path).body("{\"status\":\"ON_HOLD\"}").expect(428);
        rejectedBySchemaAndApi("POST", route, path, "{\"status\":\"ON_HOLD\"}", "1");
        rejectedBySchemaAndApi("POST", route, path, "{\"status\":\"SHIPPED\"}", "1");
        rejectedBySchemaAndApi("POST", route, path, "{\"reason\":\"no status\"}", "1");
        JsonNode held = json(request("POST", route, path).body("{\"status\":\"ON_HOLD\",\"reason\":\"Check address\"}")
                .ifMatch("1").expect(200));
        assertThat(held.path("statusReason").asText()).isEqualTo("Check address");
        request("POST", route, path).body("{\"status\":\"AVAILABLE\"}").ifMatch("1").expect(412);
        request("POST", route, path).body("{\"status\":\"CLOSED\"}").ifMatch("2").expect(409);
        request("POST", route, "/orders/SAL0404/status").body("{\"status\":\"CLOSED\"}").ifMatch("2").expect(404);
        request("POST", route, path).body(HUGE).ifMatch("2").expect(413);
        request("POST", route, path).body("status=CLOSED").ifMatch("2")
                .header("Content-Type", "application/x-www-form-urlencoded").expect(415);
        request("POST", route, path).body("{\"status\":\"AVAILABLE\"}").ifMatch("2").broken().expect(500);
        JsonNode available = json(request("POST", route, path).body("{\"status\":\"AVAILABLE\"}").ifMatch("2")
                .expect(200));
        assertThat(available.has("statusReason")).isFalse();

        assertEveryDeclaredStatusWasSeen("POST " + route);
    }

    @Test
    void addOrderLine() throws Exception {
        create(ORDER);
        String route = "/orders/{orderNumber}/lines";
        String path = "/orders/SAL0001/lines";
        String line = "{\"sku\":\"GADGET-1\",\"quantityOrdered\":4,\"unitPrice\":\"1.50\"}";

        request("POST", route, path).body(line).expect(428);
        JsonNode order = json(request("POST", route, path).body(line).ifMatch("1").expect(201));
        assertThat(order.path("lines").get(2).path("lineNumber").asInt()).isEqualTo(3);
        request("POST", route, path).body(line).ifMatch("1").expect(412);
        request("POST", route, path).body("{\"lineNumber\":3,\"sku\":\"X\",\"quantityOrdered\":1}").ifMatch("2")
                .expect(400);
        rejectedBySchemaAndApi("POST", route, path, "{\"sku\":\"X\",\"quantityOrdered\":1,\"quantityAllocated\":1}",
                "2");
        rejectedBySchemaAndApi("POST", route, path, "{\"sku\":\"X\"}", "2");
        rejectedBySchemaAndApi("POST", route, path, "{\"sku\":1234,\"quantityOrdered\":1}", "2");
        request("POST", route, "/orders/SAL0404/lines").body(line).ifMatch("2").expect(404);
        request("POST", route, path).body(HUGE).ifMatch("2").expect(413);
        request("POST", route, path).body(line).ifMatch("2").header("Content-Type", "text/plain").expect(415);
        request("POST", route, path).body(line).ifMatch("2").broken().expect(500);
        allocate("SAL0001", 2);
        request("POST", route, path).body(line).ifMatch("3").expect(409);

        assertEveryDeclaredStatusWasSeen("POST " + route);
    }

    @Test
    void updateOrderLine() throws Exception {
        create(ORDER);
        String route = "/orders/{orderNumber}/lines/{lineNumber}";
        String path = "/orders/SAL0001/lines/2";
        String line = "{\"sku\":\"WIDGET-RED-L\",\"quantityOrdered\":3}";

        request("PUT", route, path).body(line).expect(428);
        JsonNode order = json(request("PUT", route, path).body(line).ifMatch("1").expect(200));
        assertThat(order.path("lines").get(1).has("unitPrice")).isFalse();
        request("PUT", route, path).body(line).ifMatch("1").expect(412);
        request("PUT", route, path).body("{\"lineNumber\":5,\"sku\":\"X\",\"quantityOrdered\":1}").ifMatch("2")
                .expect(400);
        rejectedBySchemaAndApi("PUT", route, path, "{\"sku\":\"X\",\"quantityOrdered\":1.5}", "2");
        request("PUT", route, "/orders/SAL0001/lines/0").body(line).ifMatch("2").expect(400);
        request("PUT", route, "/orders/SAL0001/lines/9").body(line).ifMatch("2").expect(404);
        request("PUT", route, "/orders/SAL0404/lines/2").body(line).ifMatch("2").expect(404);
        request("PUT", route, path).body(HUGE).ifMatch("2").expect(413);
        request("PUT", route, path).body(line).ifMatch("2").header("Content-Type", "text/plain").expect(415);
        request("PUT", route, path).body(line).ifMatch("2").broken().expect(500);
        allocate("SAL0001", 2);
        request("PUT", route, path).body(line).ifMatch("3").expect(409);

        assertEveryDeclaredStatusWasSeen("PUT " + route);
    }

    @Test
    void deleteOrderLine() throws Exception {
        create(ORDER);
        create(ORDER.replace("SAL0001", "SAL0002"));
        String route = "/orders/{orderNumber}/lines/{lineNumber}";

        request("DELETE", route, "/orders/SAL0001/lines/1").expect(428);
        JsonNode order = json(request("DELETE", route, "/orders/SAL0001/lines/1").ifMatch("1").expect(200));
        assertThat(order.path("lines")).hasSize(1);
        request("DELETE", route, "/orders/SAL0001/lines/2").ifMatch("1").expect(412);
        request("DELETE", route, "/orders/SAL0001/lines/abc").ifMatch("2").expect(400);
        request("DELETE", route, "/orders/SAL0001/lines/1").ifMatch("2").expect(404);
        request("DELETE", route, "/orders/SAL0001/lines/2").ifMatch("2").broken().expect(500);
        request("DELETE", route, "/orders/SAL0001/lines/2").ifMatch("2").expect(409);
        allocate("SAL0002", 1);
        request("DELETE", route, "/orders/SAL0002/lines/1").ifMatch("2").expect(409);

        assertEveryDeclaredStatusWasSeen("DELETE " + route);
    }

    // ------------------------------------------------------------------------------------------ the document's own

    @Test
    void theRequestExamplesOfTheDocumentMatchTheirSchemasAndAreAccepted() throws Exception {
        int examples = 0;
        for (OpenApiContract.Operation operation : contract.operations()) {
            JsonNode media = operation.definition().path("requestBody").path("content").path("application/json");
            Map<String, JsonNode> values = new LinkedHashMap<>();
            if (media.has("example")) {
                values.put("example", media.path("example"));
            }
            media.path("examples").properties().forEach(e -> values.put(e.getKey(), e.getValue().path("value")));
            for (Map.Entry<String, JsonNode> example : values.entrySet()) {
                String body = MAPPER.writeValueAsString(example.getValue());
                assertThat(contract.requestBodyProblems(operation.method(), operation.path(), body))
                        .as("example %s of %s", example.getKey(), operation.routeKey()).isEmpty();

                setUp();
                if (!operation.path().equals("/orders")) {
                    create(ORDER);
                }
                String path = operation.path().replace("{orderNumber}", "SAL0001").replace("{lineNumber}", "2");
                APIGatewayV2HTTPResponse response = request(operation.method(), operation.path(), path).body(body)
                        .ifMatch("1").send();
                assertThat(response.getStatusCode()).as("example %s of %s: %s", example.getKey(),
                        operation.routeKey(), response.getBody()).isBetween(200, 299);
                examples++;
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theResponseExamplesOfTheDocumentMatchTheirSchemas() throws Exception {
        int examples = 0;
        for (OpenApiContract.Operation operation : contract.operations()) {
            for (Map.Entry<String, JsonNode> response : operation.definition().path("responses").properties()) {
                JsonNode definition = response.getValue();
                if (definition.has("$ref")) {
                    definition = contract.document().at(definition.path("$ref").asText().substring(1));
                }
                for (Map.Entry<String, JsonNode> media : definition.path("content").properties()) {
                    if (media.getValue().has("example")) {
                        contract.validate(operation.method(), operation.path(), Integer.parseInt(response.getKey()),
                                media.getKey(), MAPPER.writeValueAsString(media.getValue().path("example")));
                        examples++;
                    }
                }
            }
        }
        assertThat(examples).isPositive();
    }

    @Test
    void theContractCatchesABodyThatBreaksTheSchema() {
        create(ORDER);
        APIGatewayV2HTTPResponse response = get("/orders/SAL0001").expect(200);
        String undocumented = response.getBody().replaceFirst("\\{", "{\"colour\":\"red\",");
        String badMoney = response.getBody().replace("\"9.90\"", "\"9.9.0\"");

        assertThat(catchAssertion(() -> contract.validate("GET", "/orders/{orderNumber}", 200, undocumented)))
                .hasMessageContaining("colour");
        assertThat(catchAssertion(() -> contract.validate("GET", "/orders/{orderNumber}", 200, badMoney)))
                .hasMessageContaining("unitPrice");
        assertThat(catchAssertion(() -> contract.validate("GET", "/orders/{orderNumber}", 418, "{}")))
                .hasMessageContaining("not a declared status");
        assertThat(catchAssertion(() -> contract.validate("GET", "/orders/{orderNumber}", 200,
                Map.of("Content-Type", "application/json"), response.getBody())))
                .hasMessageContaining("ETag");
        APIGatewayV2HTTPResponse withLocation = APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json", "ETag", "\"1\"", "Location", "/orders/X"))
                .withBody(response.getBody()).build();
        assertThat(catchAssertion(() -> contract.validate("GET", "/orders/{orderNumber}", withLocation)))
                .hasMessageContaining("location");
    }

    private static AssertionError catchAssertion(Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            return e;
        }
        throw new AssertionError("the contract accepted what it should have refused");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private void assertEveryDeclaredStatusWasSeen(String routeKey) {
        String[] parts = routeKey.split(" ", 2);
        Set<Integer> expected = new TreeSet<>(contract.statuses(parts[0], parts[1]));
        expected.removeAll(GATEWAY_ONLY);
        assertThat(seen.getOrDefault(routeKey, Set.of()))
                .as("statuses of %s produced by this test vs declared in openapi.yaml", routeKey)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /** A body the API refuses with 400 that the request schema refuses too. */
    private void rejectedBySchemaAndApi(String method, String route, String path, String body, String... ifMatch) {
        assertThat(contract.requestBodyProblems(method, route, body))
                .as("the request schema of %s %s should refuse %s", method, route, body).isNotEmpty();
        Request request = request(method, route, path).body(body);
        if (ifMatch.length > 0) {
            request.ifMatch(ifMatch[0]);
        }
        request.expect(400);
    }

    private void create(String body) {
        request("POST", "/orders", "/orders").body(body).expect(201);
    }

    private void allocate(String orderNumber, int version) {
        request("POST", "/orders/{orderNumber}/status", "/orders/" + orderNumber + "/status")
                .body("{\"status\":\"ALLOCATED\"}").ifMatch(String.valueOf(version)).expect(200);
    }

    private Request get(String path) {
        return request("GET", path.equals("/orders") ? "/orders" : "/orders/{orderNumber}", path);
    }

    private Request request(String method, String route, String path) {
        return new Request(method, route, path);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    /** One call of a handler; {@link #expect(int)} sends it and checks the answer against the contract. */
    private final class Request {
        private final String method;
        private final String route;
        private final String path;
        private final Map<String, String> headers = new HashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private String body;
        private boolean broken;

        Request(String method, String route, String path) {
            this.method = method;
            this.route = route;
            this.path = path;
        }

        Request body(String json) {
            body = json;
            return this;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request ifMatch(String version) {
            return header("If-Match", version.matches("[0-9]+") ? "\"" + version + "\"" : version);
        }

        Request query(String name, String value) {
            query.put(name, value);
            return this;
        }

        /** Sent to handlers whose store fails on every call. */
        Request broken() {
            broken = true;
            return this;
        }

        APIGatewayV2HTTPResponse send() {
            APIGatewayV2HTTPEvent event = ApiEvents.request(method, route, path, body, headers, query);
            APIGatewayV2HTTPResponse response = method.equals("GET")
                    ? (broken ? brokenRead : read).handleRequest(event, null)
                    : (broken ? brokenWrite : write).handleRequest(event, null);
            contract.validate(method, route, response);
            seen.computeIfAbsent(method + " " + route, k -> new TreeSet<>()).add(response.getStatusCode());
            if (response.getStatusCode() / 100 == 2 && body != null) {
                assertThat(contract.requestBodyProblems(method, route, body))
                        .as("the API accepted this body of %s %s, so its request schema should: %s", method, route,
                                body)
                        .isEmpty();
            }
            return response;
        }

        APIGatewayV2HTTPResponse expect(int status) {
            APIGatewayV2HTTPResponse response = send();
            assertThat(response.getStatusCode()).as("%s %s: %s", method, path, response.getBody()).isEqualTo(status);
            return response;
        }
    }
}
