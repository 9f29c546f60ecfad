package com.miniwms.salesorders.sync.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.miniwms.salesorders.sync.ChannelOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Amazon's own example responses, from its Orders API v2026-01-01 model, parse and map. */
class AmazonModelExamplesTest {
    private static JsonNode model;

    @BeforeAll
    static void load() throws Exception {
        Path file = Path.of(System.getProperty("project.root", "."))
                .resolve("../shared/fixtures/amazon/orders_2026-01-01.json").normalize();
        assumeTrue(Files.isRegularFile(file), "Amazon's Orders API model is not at " + file
                + " (the vendor fixtures live beside the clone); skipping");
        model = new ObjectMapper().readTree(file.toFile());
    }

    /** Every order in the searchOrders 200 examples: the documented example and the sandbox's static answers. */
    private static List<JsonNode> exampleOrders() {
        JsonNode ok = model.at("/paths/~1orders~12026-01-01~1orders/get/responses/200");
        List<JsonNode> orders = new ArrayList<>();
        ok.at("/examples/application~1json/orders").forEach(orders::add);
        ok.at("/x-amzn-api-sandbox/static").forEach(s -> s.at("/response/orders").forEach(orders::add));
        return orders;
    }

    @Test
    void everyExampleOrderMapsWithItsIdTimesLinesAndMoney() {
        List<JsonNode> orders = exampleOrders();
        assertThat(orders).isNotEmpty();
        for (JsonNode order : orders) {
            ChannelOrder mapped = AmazonOrderMapper.map(order);
            assertThat(mapped.externalOrderId()).isEqualTo(order.path("orderId").asText());
            assertThat(mapped.updatedAt()).isNotNull();
            assertThat(mapped.lines()).hasSize(order.path("orderItems").size());
            assertThat(mapped.lines()).allSatisfy(l -> assertThat(l.quantity()).isPositive());
        }
    }

    @Test
    void theFirstDocumentedExampleMapsFieldByField() {
        ChannelOrder order = AmazonOrderMapper.map(exampleOrders().get(0));
        assertThat(order.externalOrderId()).isEqualTo("123-4567890-1234567");
        assertThat(order.displayNumber()).isEqualTo("SELLER-ORDER-2024-001");
        assertThat(order.shipTo().name()).isEqualTo("John Smith");
        assertThat(order.shipTo().address2()).isEqualTo("Suite 456");
        assertThat(order.shipTo().address3()).as("empty string is no line").isNull();
        assertThat(order.shipTo().state()).isEqualTo("WA");
        assertThat(order.shipTo().country()).isEqualTo("US");
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.totals().total().toPlainString()).isEqualTo("154.99");
        assertThat(order.lines().get(0).sku()).isEqualTo("ECHO-DOT-4-CHARCOAL");
        assertThat(order.lines().get(0).unitPrice().toPlainString()).isEqualTo("49.99");
    }

    @Test
    void theSearchResponseCarriesTheFieldsTheClientReadsInTheModel() {
        JsonNode definitions = model.path("definitions");
        assertThat(definitions.at("/SearchOrdersResponse/properties").has("orders")).isTrue();
        assertThat(definitions.at("/SearchOrdersResponse/properties").has("pagination")).isTrue();
        assertThat(definitions.at("/Pagination/properties").has("nextToken")).isTrue();
        for (String field : List.of("orderId", "orderAliases", "createdTime", "lastUpdatedTime", "buyer", "recipient",
                "proceeds", "fulfillment", "orderItems")) {
            assertThat(definitions.at("/Order/properties").has(field)).as("Order.%s", field).isTrue();
        }
        List<String> parameters = new ArrayList<>();
        model.at("/paths/~1orders~12026-01-01~1orders/get/parameters").forEach(p -> parameters.add(p.path("name").asText()));
        assertThat(parameters).contains("lastUpdatedAfter", "lastUpdatedBefore", "marketplaceIds", "maxResultsPerPage",
                "paginationToken", "includedData");
    }
}
