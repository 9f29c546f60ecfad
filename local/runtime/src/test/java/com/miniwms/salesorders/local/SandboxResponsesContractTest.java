package com.miniwms.salesorders.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every response the Amazon and eBay stand-ins of the sandbox serve (fetched from the running stand-ins, throttled
 * answers included) conforms to the vendor's own contract: Amazon's Orders API v2026-01-01 model (Swagger 2.0
 * definitions) and eBay's Sell Fulfillment v1 OpenAPI document, both from {@code ../shared/fixtures/} beside the
 * clone. Checked: no property the contract lacks, every required property present, JSON types, enums and
 * date-time formats, through references and arrays.
 */
class SandboxResponsesContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MarketplaceSandbox sandbox;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        sandbox = MarketplaceSandbox.start();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static JsonNode fixture(String relative, String what) throws Exception {
        Path file = Path.of(System.getProperty("project.root", ".")).resolve("../shared/fixtures").resolve(relative)
                .normalize();
        assumeTrue(Files.isRegularFile(file), what + " is not at " + file
                + " (the vendor fixtures live beside the clone); skipping");
        return JSON.readTree(file.toFile());
    }

    private static HttpResponse<String> get(URI base, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAmazonResponseConformsToTheOrdersApiModel() throws Exception {
        JsonNode model = fixture("amazon/orders_2026-01-01.json", "Amazon's Orders API model");
        Validator validator = new Validator(model.path("definitions"), "#/definitions/");
        String search = MarketplaceSandbox.AMAZON_SEARCH + "?marketplaceIds=A1PA6795UKMFR9"
                + "&lastUpdatedAfter=2026-06-01T00:00:00Z";
        HttpResponse<String> throttled = get(sandbox.amazonBaseUrl(), search);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(validator.check(JSON.readTree(throttled.body()), "ErrorList")).isEmpty();

        HttpResponse<String> first = get(sandbox.amazonBaseUrl(), search);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode page1 = JSON.readTree(first.body());
        assertThat(validator.check(page1, "SearchOrdersResponse")).isEmpty();
        String token = page1.path("pagination").path("nextToken").asText();
        assertThat(token).isNotBlank();

        HttpResponse<String> second = get(sandbox.amazonBaseUrl(), search + "&paginationToken=" + token);
        assertThat(second.statusCode()).isEqualTo(200);
        JsonNode page2 = JSON.readTree(second.body());
        assertThat(validator.check(page2, "SearchOrdersResponse")).isEmpty();
        assertThat(page2.path("pagination").path("nextToken").isMissingNode()).isTrue();
        assertThat(page1.path("orders").size() + page2.path("orders").size()).isGreaterThan(3);
    }

    @Test
    void everyEbayResponseConformsToTheFulfillmentApiContract() throws Exception {
        JsonNode spec = fixture("ebay/sell_fulfillment_v1_oas3.json", "eBay's Sell Fulfillment OpenAPI document");
        Validator validator = new Validator(spec.path("components").path("schemas"), "#/components/schemas/");
        int offset = 0;
        int pages = 0;
        int orders = 0;
        while (true) {
            HttpResponse<String> response = get(sandbox.ebayBaseUrl(), MarketplaceSandbox.EBAY_ORDERS
                    + "?filter=lastmodifieddate:%5B2026-06-01T00:00:00.000Z..%5D&limit=200&offset=" + offset);
            assertThat(response.statusCode()).as("page at offset %s", offset).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            assertThat(validator.check(page, "OrderSearchPagedCollection")).as("page at offset %s", offset).isEmpty();
            pages++;
            orders += page.path("orders").size();
            assertThat(page.path("href").asText()).startsWith(sandbox.ebayBaseUrl().toString());
            if (!page.hasNonNull("next")) {
                break;
            }
            offset += page.path("orders").size();
        }
        assertThat(pages).isEqualTo(2);
        assertThat(orders).isEqualTo(3);
    }

    @Test
    void theCheckCatchesAnInventedFieldAMissingRequiredOneAWrongTypeAndABadDate() throws Exception {
        JsonNode model = fixture("amazon/orders_2026-01-01.json", "Amazon's Orders API model");
        Validator validator = new Validator(model.path("definitions"), "#/definitions/");
        JsonNode page = JSON.readTree(MarketplaceSandbox.response("amazon", "search-page-1.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) page.path("orders").get(0)).put("orderNumber", "x");
        assertThat(validator.check(page, "SearchOrdersResponse")).anyMatch(v -> v.contains("orderNumber"));

        assertThat(validator.check(JSON.readTree("{}"), "SearchOrdersResponse")).anyMatch(v -> v.contains("orders"));
        assertThat(validator.check(JSON.readTree("{\"orders\":{}}"), "SearchOrdersResponse")).isNotEmpty();
        assertThat(validator.check(JSON.readTree("{\"orders\":[{\"orderId\":\"1\",\"createdTime\":\"yesterday\"}]}"),
                "SearchOrdersResponse")).anyMatch(v -> v.contains("createdTime"));
    }

    /** A JSON Schema subset check over a set of named schemas (Swagger 2.0 definitions or OpenAPI 3 components). */
    static final class Validator {
        private final JsonNode schemas;
        private final String refPrefix;

        Validator(JsonNode schemas, String refPrefix) {
            this.schemas = schemas;
            this.refPrefix = refPrefix;
            assertThat(schemas.isObject() && schemas.size() > 0).as("the contract has schemas").isTrue();
        }

        List<String> check(JsonNode value, String schemaName) {
            JsonNode schema = schemas.path(schemaName);
            assertThat(schema.isObject()).as("schema %s exists", schemaName).isTrue();
            List<String> violations = new ArrayList<>();
            check(value, schema, "$", violations);
            return violations;
        }

        private void check(JsonNode value, JsonNode schema, String path, List<String> out) {
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asText();
                if (!ref.startsWith(refPrefix) || !schemas.has(ref.substring(refPrefix.length()))) {
                    out.add(path + ": unresolvable reference " + ref);
                    return;
                }
                check(value, schemas.get(ref.substring(refPrefix.length())), path, out);
                return;
            }
            for (JsonNode part : schema.path("allOf")) {
                check(value, part, path, out);
            }
            if (value.isNull()) {
                if (!schema.path("nullable").asBoolean(false) && !schema.path("x-nullable").asBoolean(false)) {
                    out.add(path + ": null where the contract does not allow it");
                }
                return;
            }
            String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
            switch (type) {
                case "object" -> {
                    if (!value.isObject()) {
                        out.add(path + ": not an object");
                        return;
                    }
                    JsonNode properties = schema.path("properties");
                    for (JsonNode required : schema.path("required")) {
                        if (!value.has(required.asText())) {
                            out.add(path + "." + required.asText() + ": required but missing");
                        }
                    }
                    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                        String name = names.next();
                        if (properties.has(name)) {
                            check(value.get(name), properties.get(name), path + "." + name, out);
                        } else if (schema.path("additionalProperties").isObject()) {
                            check(value.get(name), schema.get("additionalProperties"), path + "." + name, out);
                        } else {
                            out.add(path + "." + name + ": not in the contract");
                        }
                    }
                }
                case "array" -> {
                    if (!value.isArray()) {
                        out.add(path + ": not an array");
                        return;
                    }
                    for (int i = 0; i < value.size(); i++) {
                        check(value.get(i), schema.path("items"), path + "[" + i + "]", out);
                    }
                }
                case "string" -> {
                    if (!value.isTextual()) {
                        out.add(path + ": not a string");
                        return;
                    }
                    if (schema.has("enum")) {
                        boolean listed = false;
                        for (JsonNode option : schema.get("enum")) {
                            listed |= option.asText().equals(value.asText());
                        }
                        if (!listed) {
                            out.add(path + ": " + value.asText() + " is not one of " + schema.get("enum"));
                        }
                    }
                    if ("date-time".equals(schema.path("format").asText())) {
                        try {
                            OffsetDateTime.parse(value.asText());
                        } catch (DateTimeParseException e) {
                            out.add(path + ": not a date-time: " + value.asText());
                        }
                    }
                }
                case "integer" -> {
                    if (!value.isIntegralNumber()) {
                        out.add(path + ": not an integer");
                    }
                }
                case "number" -> {
                    if (!value.isNumber()) {
                        out.add(path + ": not a number");
                    }
                }
                case "boolean" -> {
                    if (!value.isBoolean()) {
                        out.add(path + ": not a boolean");
                    }
                }
                default -> {
                    // no type: anything goes
                }
            }
        }
    }
}
