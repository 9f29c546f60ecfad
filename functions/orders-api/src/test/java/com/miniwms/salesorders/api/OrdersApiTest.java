package com.miniwms.salesorders.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.InMemoryOrderRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's behaviour through its handlers, on an in-memory store. */
class OrdersApiTest {
    static final String ORDER = """
            {"orderNumber":"SAL0001","wave":"W1","orderDate":"2026-12-01",
             "shipTo":{"name":"  Jane   Smith ","address1":"12 High Street","city":"Leeds","postcode":"LS1 4AP",
                       "country":"UK","phone":"0113 496 0000","email":"jane@example.com"},
             "currency":"GBP",
             "lines":[{"lineNumber":1,"sku":"1628437592043","description":"Blue widget","quantityOrdered":2,
                       "unitPrice":"9.90"},
                      {"lineNumber":2,"sku":"WIDGET-RED-M","quantityOrdered":1}]}
            """;

    private OrdersReadHandler read;
    private OrdersWriteHandler write;

    @BeforeEach
    void setUp() {
        OrderService service = new OrderService(new InMemoryOrderRepository(),
                Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
        read = new OrdersReadHandler(service);
        write = new OrdersWriteHandler(service);
    }

    private APIGatewayV2HTTPResponse call(String method, String route, String path, String body,
                                          Map<String, String> headers) {
        return call(method, route, path, body, headers, Map.of());
    }

    private APIGatewayV2HTTPResponse call(String method, String route, String path, String body,
                                          Map<String, String> headers, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = ApiEvents.request(method, route, path, body, headers, query);
        return method.equals("GET") ? read.handleRequest(event, null) : write.handleRequest(event, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    private APIGatewayV2HTTPResponse create(String body) {
        return call("POST", "/orders", "/orders", body, Map.of());
    }

    @Test
    void createdOrderIsReturnedCleanedWithLocationAndETag() throws Exception {
        APIGatewayV2HTTPResponse response = create(ORDER);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("Location", "/orders/SAL0001").containsEntry("ETag", "\"1\"");
        JsonNode order = json(response);
        assertThat(order.path("shipTo").path("name").asText()).isEqualTo("Jane Smith");
        assertThat(order.path("shipTo").path("country").asText()).isEqualTo("GB");
        assertThat(order.path("lines").get(0).path("sku").asText()).isEqualTo("1628437592043");
        assertThat(order.path("lines").get(0).path("unitPrice").asText()).isEqualTo("9.90");
        assertThat(order.path("lines").get(0).path("quantityAllocated").asInt()).isZero();
        assertThat(order.path("status").asText()).isEqualTo("AVAILABLE");
        assertThat(order.path("channel").asText()).isEqualTo("MANUAL");
        assertThat(order.path("createdAt").asText()).isEqualTo("2026-12-03T10:00:00Z");
        assertThat(order.path("createdBy").asText()).isEqualTo("anonymous");
    }

    @Test
    void ordersWithoutANumberGetTheNextOfTheSequence() throws Exception {
        String body = ORDER.replace("\"orderNumber\":\"SAL0001\",", "");

        assertThat(json(create(body)).path("orderNumber").asText()).isEqualTo("SO000001");
        assertThat(json(create(body)).path("orderNumber").asText()).isEqualTo("SO000002");
    }

    @Test
    void aTakenNumberIs409() {
        create(ORDER);

        APIGatewayV2HTTPResponse again = create(ORDER);

        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(again.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    }

    @Test
    void everyInvalidFieldIsListed() throws Exception {
        String bad = ORDER.replace("\"quantityOrdered\":2", "\"quantityOrdered\":0")
                .replace("\"sku\":\"WIDGET-RED-M\"", "\"sku\":\"\"")
                .replace("jane@example.com", "jane-at-example");

        APIGatewayV2HTTPResponse response = create(bad);

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "lines[0].quantityOrdered", "lines[1].sku", "shipTo.email");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResponse() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "k-1");
        String noNumber = ORDER.replace("\"orderNumber\":\"SAL0001\",", "");

        APIGatewayV2HTTPResponse first = call("POST", "/orders", "/orders", noNumber, key);
        APIGatewayV2HTTPResponse retry = call("POST", "/orders", "/orders", noNumber.replace("\n", " "), key);
        APIGatewayV2HTTPResponse other = call("POST", "/orders", "/orders",
                noNumber.replace("\"wave\":\"W1\"", "\"wave\":\"W2\""), key);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("Location", "/orders/SO000001");
        assertThat(other.getStatusCode()).isEqualTo(422);
        assertThat(json(call("GET", "/orders", "/orders", null, Map.of())).path("items")).hasSize(1);
    }

    @Test
    void changesNeedIfMatchAndAFreshVersion() {
        create(ORDER);
        String header = """
                {"shipTo":{"name":"Jane Smith","city":"York","country":"GB"},"wave":"W2","currency":"GBP"}""";

        APIGatewayV2HTTPResponse missing = call("PUT", "/orders/{orderNumber}", "/orders/SAL0001", header, Map.of());
        APIGatewayV2HTTPResponse ok = call("PUT", "/orders/{orderNumber}", "/orders/sal0001", header,
                Map.of("If-Match", "\"1\""));
        APIGatewayV2HTTPResponse stale = call("PUT", "/orders/{orderNumber}", "/orders/SAL0001", header,
                Map.of("If-Match", "\"1\""));
        APIGatewayV2HTTPResponse garbled = call("PUT", "/orders/{orderNumber}", "/orders/SAL0001", header,
                Map.of("If-Match", "yesterday"));

        assertThat(missing.getStatusCode()).isEqualTo(428);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(ok.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(garbled.getStatusCode()).isEqualTo(400);
    }

    @Test
    void headerUpdateRefusesFieldsItDoesNotOwn() throws Exception {
        create(ORDER);

        APIGatewayV2HTTPResponse response = call("PUT", "/orders/{orderNumber}", "/orders/SAL0001",
                "{\"shipTo\":{\"name\":\"X\"},\"status\":\"CLOSED\"}", Map.of("If-Match", "\"1\""));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("status");
    }

    @Test
    void linesCanBeAddedChangedAndRemovedButNotTheLastOne() throws Exception {
        create(ORDER);
        String line = "{\"sku\":\"GADGET-1\",\"quantityOrdered\":4,\"unitPrice\":\"1.50\"}";

        APIGatewayV2HTTPResponse added = call("POST", "/orders/{orderNumber}/lines", "/orders/SAL0001/lines", line,
                Map.of("If-Match", "\"1\""));
        APIGatewayV2HTTPResponse changed = call("PUT", "/orders/{orderNumber}/lines/{lineNumber}",
                "/orders/SAL0001/lines/3", "{\"sku\":\"GADGET-2\",\"quantityOrdered\":5}",
                Map.of("If-Match", "\"2\""));
        call("DELETE", "/orders/{orderNumber}/lines/{lineNumber}", "/orders/SAL0001/lines/1", null,
                Map.of("If-Match", "\"3\""));
        call("DELETE", "/orders/{orderNumber}/lines/{lineNumber}", "/orders/SAL0001/lines/2", null,
                Map.of("If-Match", "\"4\""));
        APIGatewayV2HTTPResponse last = call("DELETE", "/orders/{orderNumber}/lines/{lineNumber}",
                "/orders/SAL0001/lines/3", null, Map.of("If-Match", "\"5\""));

        assertThat(added.getStatusCode()).isEqualTo(201);
        assertThat(json(added).path("lines").get(2).path("lineNumber").asInt()).isEqualTo(3);
        assertThat(changed.getStatusCode()).isEqualTo(200);
        assertThat(json(changed).path("lines").get(2).path("sku").asText()).isEqualTo("GADGET-2");
        assertThat(last.getStatusCode()).isEqualTo(409);
    }

    @Test
    void statusFollowsTheTransitionsAndFreezesEdits() throws Exception {
        create(ORDER);

        APIGatewayV2HTTPResponse holdWithoutReason = call("POST", "/orders/{orderNumber}/status",
                "/orders/SAL0001/status", "{\"status\":\"ON_HOLD\"}", Map.of("If-Match", "\"1\""));
        APIGatewayV2HTTPResponse allocated = call("POST", "/orders/{orderNumber}/status", "/orders/SAL0001/status",
                "{\"status\":\"ALLOCATED\"}", Map.of("If-Match", "\"1\""));
        APIGatewayV2HTTPResponse closed = call("POST", "/orders/{orderNumber}/status", "/orders/SAL0001/status",
                "{\"status\":\"CLOSED\"}", Map.of("If-Match", "\"2\""));
        APIGatewayV2HTTPResponse edit = call("POST", "/orders/{orderNumber}/lines", "/orders/SAL0001/lines",
                "{\"sku\":\"X\",\"quantityOrdered\":1}", Map.of("If-Match", "\"2\""));
        APIGatewayV2HTTPResponse delete = call("DELETE", "/orders/{orderNumber}", "/orders/SAL0001", null,
                Map.of("If-Match", "\"2\""));

        assertThat(holdWithoutReason.getStatusCode()).isEqualTo(400);
        assertThat(allocated.getStatusCode()).isEqualTo(200);
        assertThat(json(allocated).path("status").asText()).isEqualTo("ALLOCATED");
        assertThat(closed.getStatusCode()).isEqualTo(409);
        assertThat(json(closed).path("detail").asText()).contains("ALLOCATED").contains("CLOSED");
        assertThat(edit.getStatusCode()).isEqualTo(409);
        assertThat(delete.getStatusCode()).isEqualTo(409);
    }

    @Test
    void deleteNeedsTheCurrentVersionAndThenTheOrderIsGone() {
        create(ORDER);

        APIGatewayV2HTTPResponse stale = call("DELETE", "/orders/{orderNumber}", "/orders/SAL0001", null,
                Map.of("If-Match", "\"7\""));
        APIGatewayV2HTTPResponse deleted = call("DELETE", "/orders/{orderNumber}", "/orders/SAL0001", null,
                Map.of("If-Match", "\"1\""));
        APIGatewayV2HTTPResponse gone = call("GET", "/orders/{orderNumber}", "/orders/SAL0001", null, Map.of());

        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(deleted.getBody()).isNull();
        assertThat(gone.getStatusCode()).isEqualTo(404);
    }

    @Test
    void badQueryAndPathValuesAre400() throws Exception {
        APIGatewayV2HTTPResponse list = call("GET", "/orders", "/orders", null, Map.of(),
                Map.of("status", "SHIPPED", "limit", "1000", "from", "2026-13-01", "colour", "red"));
        APIGatewayV2HTTPResponse path = call("GET", "/orders/{orderNumber}", "/orders/%3Cscript%3E", null, Map.of());
        APIGatewayV2HTTPResponse line = call("PUT", "/orders/{orderNumber}/lines/{lineNumber}",
                "/orders/SAL0001/lines/abc", "{}", Map.of("If-Match", "\"1\""));

        assertThat(list.getStatusCode()).isEqualTo(400);
        assertThat(json(list).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("status", "limit", "from", "colour");
        assertThat(path.getStatusCode()).isEqualTo(400);
        assertThat(line.getStatusCode()).isEqualTo(400);
    }

    @Test
    void anUnexpectedFailureIsA500ThatRevealsNothing() throws Exception {
        OrdersReadHandler broken = new OrdersReadHandler(new OrderService(null, Clock.systemUTC()));

        APIGatewayV2HTTPResponse response = broken.handleRequest(
                ApiEvents.request("GET", "/orders/{orderNumber}", "/orders/SAL0001", null, Map.of(), Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(json(response).path("detail").asText()).contains("req-1").doesNotContain("NullPointer");
    }

    @ParameterizedTest
    @Event(value = "../../events/orders-api/create-order.json", type = APIGatewayV2HTTPEvent.class)
    void theSampleCreateEventCreatesTheOrder(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = write.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(json(response).path("createdBy").asText()).isEqualTo("4f7wms0client");
        APIGatewayV2HTTPResponse replay = write.handleRequest(event, null);
        assertThat(replay.getBody()).isEqualTo(response.getBody());
    }
}
