package com.miniwms.salesorders.sync.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Shopify GraphQL endpoint for WireMock that answers from generated orders: the update-time filter, cursor paging
 * of orders and of each order's line items, cost data, and, on a chosen share of calls, a fault (HTTP 500, 429,
 * {@code THROTTLED} on a 200, or an answer slower than the client waits).
 */
public final class ShopifyStandIn implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "shopify-stand-in";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RANGE = Pattern.compile("updated_at:>='([^']+)' AND updated_at:<='([^']+)'");

    private final List<ObjectNode> orders = new ArrayList<>();
    private final Random random;
    private final double faultRate;
    private final int slowMillis;
    int faults;
    int calls;

    public ShopifyStandIn(long seed, double faultRate, int slowMillis) {
        this.random = new Random(seed);
        this.faultRate = faultRate;
        this.slowMillis = slowMillis;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Adds an order with {@code lineCount} lines, updated at the given time. */
    public synchronized void addOrder(long number, Instant updatedAt, int lineCount) {
        ObjectNode order = JSON.createObjectNode();
        order.put("id", "gid://shopify/Order/" + number);
        order.put("legacyResourceId", Long.toString(number));
        order.put("name", "#" + number);
        order.put("createdAt", updatedAt.minusSeconds(60).toString());
        order.put("updatedAt", updatedAt.toString());
        order.putNull("cancelledAt");
        order.putNull("cancelReason");
        order.put("test", false);
        order.put("currencyCode", "EUR");
        order.set("totalPriceSet", money("10.00"));
        order.set("totalTaxSet", money("1.60"));
        order.set("totalDiscountsSet", money("0.00"));
        order.set("totalShippingPriceSet", money("0.00"));
        order.put("email", "buyer" + number + "@example.com");
        order.putNull("customer");
        ObjectNode address = order.putObject("shippingAddress");
        address.put("name", "Buyer " + number);
        address.put("address1", number + " Main Street");
        address.putNull("address2");
        address.put("city", "Berlin");
        address.putNull("provinceCode");
        address.put("zip", "10115");
        address.put("countryCodeV2", "DE");
        address.putNull("phone");
        ArrayNode lines = JSON.createArrayNode();
        for (int i = 1; i <= lineCount; i++) {
            ObjectNode line = lines.addObject();
            line.put("id", "gid://shopify/LineItem/" + number + "0" + i);
            line.put("sku", "SKU-" + i);
            line.put("title", "Item " + i);
            line.put("quantity", i);
            line.put("currentQuantity", i);
            line.set("originalUnitPriceSet", money("1.25"));
        }
        order.set("allLines", lines);
        orders.add(order);
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        calls++;
        if (random.nextDouble() < faultRate) {
            faults++;
            return switch (random.nextInt(4)) {
                case 0 -> ResponseDefinitionBuilder.responseDefinition().withStatus(500).withBody("{}").build();
                case 1 -> ResponseDefinitionBuilder.responseDefinition().withStatus(429).withBody("{}").build();
                case 2 -> json(throttled());
                default -> ResponseDefinitionBuilder.responseDefinition().withStatus(200).withBody("{}")
                        .withFixedDelay(slowMillis).build();
            };
        }
        try {
            JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
            JsonNode variables = request.path("variables");
            String query = request.path("query").asText();
            return json(query.contains("query Orders") ? ordersPage(variables) : linesPage(variables));
        } catch (Exception e) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(400).withBody(e.toString()).build();
        }
    }

    private ObjectNode ordersPage(JsonNode variables) {
        Matcher range = RANGE.matcher(variables.path("q").asText());
        if (!range.matches()) {
            throw new IllegalArgumentException("unexpected filter " + variables.path("q"));
        }
        Instant from = Instant.parse(range.group(1));
        Instant to = Instant.parse(range.group(2));
        List<ObjectNode> matching = orders.stream()
                .filter(o -> {
                    Instant updated = Instant.parse(o.get("updatedAt").asText());
                    return !updated.isBefore(from) && !updated.isAfter(to);
                })
                .sorted(Comparator.comparing((ObjectNode o) -> o.get("updatedAt").asText())
                        .thenComparing(o -> o.get("id").asText()))
                .toList();
        int offset = decode(variables.path("after"), "o:");
        int first = variables.path("first").asInt();
        int lines = variables.path("lines").asInt();
        ObjectNode data = JSON.createObjectNode();
        ObjectNode connection = data.putObject("data").putObject("orders");
        ArrayNode nodes = connection.putArray("nodes");
        int end = Math.min(matching.size(), offset + first);
        for (ObjectNode order : matching.subList(offset, end)) {
            ObjectNode node = order.deepCopy();
            ArrayNode all = (ArrayNode) node.remove("allLines");
            node.set("lineItems", linePage(order.get("id").asText(), all, 0, lines));
            nodes.add(node);
        }
        pageInfo(connection, end < matching.size(), encode("o:" + end));
        cost(data);
        return data;
    }

    private ObjectNode linesPage(JsonNode variables) {
        String id = variables.path("id").asText();
        ObjectNode order = orders.stream().filter(o -> o.get("id").asText().equals(id)).findFirst().orElseThrow();
        int offset = decode(variables.path("after"), "l:");
        ObjectNode data = JSON.createObjectNode();
        data.putObject("data").putObject("order").set("lineItems",
                linePage(id, (ArrayNode) order.get("allLines"), offset, variables.path("lines").asInt()));
        cost(data);
        return data;
    }

    private ObjectNode linePage(String orderId, ArrayNode all, int offset, int size) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode nodes = page.putArray("nodes");
        int end = Math.min(all.size(), offset + size);
        for (int i = offset; i < end; i++) {
            nodes.add(all.get(i));
        }
        pageInfo(page, end < all.size(), encode("l:" + end));
        return page;
    }

    private static void pageInfo(ObjectNode connection, boolean hasNext, String cursor) {
        ObjectNode info = connection.putObject("pageInfo");
        info.put("hasNextPage", hasNext);
        info.put("endCursor", cursor);
    }

    private static void cost(ObjectNode response) {
        ObjectNode cost = response.putObject("extensions").putObject("cost");
        cost.put("requestedQueryCost", 362);
        cost.put("actualQueryCost", 20);
        ObjectNode status = cost.putObject("throttleStatus");
        status.put("maximumAvailable", 2000.0);
        status.put("currentlyAvailable", 1980.0);
        status.put("restoreRate", 100.0);
    }

    private static ObjectNode throttled() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("message", "Throttled");
        error.putObject("extensions").put("code", "THROTTLED");
        ObjectNode cost = body.putObject("extensions").putObject("cost");
        cost.put("requestedQueryCost", 362);
        ObjectNode status = cost.putObject("throttleStatus");
        status.put("maximumAvailable", 2000.0);
        status.put("currentlyAvailable", 100.0);
        status.put("restoreRate", 100.0);
        return body;
    }

    private static ObjectNode money(String amount) {
        ObjectNode bag = JSON.createObjectNode();
        ObjectNode shop = bag.putObject("shopMoney");
        shop.put("amount", amount);
        shop.put("currencyCode", "EUR");
        return bag;
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(JsonNode cursor, String prefix) {
        if (cursor == null || cursor.isNull() || cursor.isMissingNode()) {
            return 0;
        }
        String text = new String(Base64.getDecoder().decode(cursor.asText()), StandardCharsets.UTF_8);
        if (!text.startsWith(prefix)) {
            throw new IllegalArgumentException("cursor of another kind: " + text);
        }
        return Integer.parseInt(text.substring(prefix.length()));
    }

    private static ResponseDefinition json(ObjectNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
    }
}
