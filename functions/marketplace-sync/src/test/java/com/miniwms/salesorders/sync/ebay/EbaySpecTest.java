package com.miniwms.salesorders.sync.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The eBay responses the tests serve use only fields of eBay's own OpenAPI contract (Sell Fulfillment v1), at every
 * level the client reads, so a renamed or invented field fails here.
 */
class EbaySpecTest {
    private static JsonNode schemas;

    @BeforeAll
    static void load() throws Exception {
        Path file = Path.of(System.getProperty("project.root", "."))
                .resolve("../shared/fixtures/ebay/sell_fulfillment_v1_oas3.json").normalize();
        assumeTrue(Files.isRegularFile(file), "eBay's OpenAPI contract is not at " + file
                + " (the vendor fixtures live beside the clone); skipping");
        schemas = new ObjectMapper().readTree(file.toFile()).path("components").path("schemas");
    }

    /** Every property of {@code value} is declared by the schema, recursively through objects and arrays. */
    private static void conforms(JsonNode value, JsonNode schema, String path) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            conforms(value, schemas.path(name), path);
            return;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                conforms(value.get(i), schema.path("items"), path + "[" + i + "]");
            }
            return;
        }
        if (!value.isObject()) {
            assertThat(schema.path("type").asText("string")).as("type of %s", path)
                    .isIn(value.isTextual() ? "string" : value.isInt() ? "integer" : value.isBoolean() ? "boolean"
                            : "number");
            return;
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(schema.path("properties").has(name)).as("%s.%s is in eBay's contract", path, name).isTrue();
            conforms(value.get(name), schema.path("properties").path(name), path + "." + name);
        }
    }

    private static JsonNode resource(String name) throws Exception {
        try (InputStream in = EbaySpecTest.class.getResourceAsStream("/ebay/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theServedPagesConformToTheContract() throws Exception {
        for (String page : new String[] {"orders-page-1.json", "orders-page-2.json"}) {
            conforms(resource(page), schemas.path("OrderSearchPagedCollection"), page);
        }
    }

    @Test
    void anInventedFieldIsCaught() {
        JsonNode invented = new ObjectMapper().createObjectNode().put("orderNumber", "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> conforms(invented, schemas.path("Order"), "order"))
                .isInstanceOf(AssertionError.class);
    }
}
