package com.miniwms.salesorders.sync.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.sync.ChannelPage;
import com.miniwms.salesorders.sync.FetchWindow;
import com.miniwms.salesorders.sync.MarketplaceClient;
import com.miniwms.salesorders.sync.MarketplaceException;
import com.miniwms.salesorders.sync.PulledOrder;
import com.miniwms.salesorders.sync.http.RetryingHttp;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Shopify's GraphQL Admin API: orders updated within the window, sorted by update time, a page per cursor; orders
 * with more line items than the first page are completed with follow-up queries. A throttled call (HTTP 200 with
 * {@code THROTTLED}, or 429) waits as long as the cost data says the bucket needs to refill, then retries.
 */
public final class ShopifyClient implements MarketplaceClient {
    private final ShopifySettings settings;
    private final Supplier<String> accessToken;
    private final RetryingHttp http;

    public ShopifyClient(ShopifySettings settings, Supplier<String> accessToken, RetryingHttp http) {
        this.settings = settings;
        this.accessToken = accessToken;
        this.http = http;
    }

    /** The search filter: inclusive range of update times, quoted as Shopify's search grammar requires. */
    static String updatedBetween(FetchWindow window) {
        DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        return "updated_at:>='" + iso.format(window.from().truncatedTo(ChronoUnit.SECONDS)) + "' AND updated_at:<='"
                + iso.format(window.to()) + "'";
    }

    @Override
    public ChannelPage fetch(FetchWindow window, String cursor) {
        ObjectNode variables = Json.MAPPER.createObjectNode();
        variables.put("first", settings.pageSize());
        variables.put("after", cursor);
        variables.put("q", updatedBetween(window));
        variables.put("lines", settings.linesPageSize());
        JsonNode orders = call(ShopifyQueries.ORDERS, variables).path("orders");
        if (!orders.isObject()) {
            throw new MarketplaceException("Shopify answered without an orders connection");
        }
        List<PulledOrder> pulled = new ArrayList<>();
        for (JsonNode node : orders.path("nodes")) {
            String id = ShopifyOrderMapper.text(node, "id");
            Instant updatedAt = null;
            try {
                updatedAt = ShopifyOrderMapper.instant(node, "updatedAt");
                pulled.add(PulledOrder.of(ShopifyOrderMapper.map(node, allLines(id, node.path("lineItems")))));
            } catch (RuntimeException e) {
                if (e instanceof MarketplaceException failure) {
                    throw failure;
                }
                pulled.add(PulledOrder.malformed(id, updatedAt, "cannot be read: " + e.getMessage()));
            }
        }
        JsonNode pageInfo = orders.path("pageInfo");
        String next = pageInfo.path("hasNextPage").asBoolean(false) ? pageInfo.path("endCursor").textValue() : null;
        return new ChannelPage(pulled, next);
    }

    private List<JsonNode> allLines(String orderId, JsonNode firstPage) {
        List<JsonNode> lines = new ArrayList<>();
        JsonNode page = firstPage;
        while (true) {
            page.path("nodes").forEach(lines::add);
            JsonNode info = page.path("pageInfo");
            if (!info.path("hasNextPage").asBoolean(false)) {
                return lines;
            }
            ObjectNode variables = Json.MAPPER.createObjectNode();
            variables.put("id", orderId);
            variables.put("after", info.path("endCursor").textValue());
            variables.put("lines", settings.linesPageSize());
            page = call(ShopifyQueries.ORDER_LINES, variables).path("order").path("lineItems");
            if (!page.isObject()) {
                throw new MarketplaceException("Shopify answered without the line items of " + orderId);
            }
        }
    }

    private JsonNode call(String query, ObjectNode variables) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("query", query);
        body.set("variables", variables);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(settings.graphqlEndpoint())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-Shopify-Access-Token", accessToken.get())
                    .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)))
                    .build();
        } catch (IOException e) {
            throw new MarketplaceException("Shopify request could not be written");
        }
        HttpResponse<String> response = http.send(request, "Shopify", ShopifyClient::throttleWait);
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new MarketplaceException("Shopify refused the access token (HTTP " + status + ")", true, null);
        }
        if (status >= 300) {
            throw new MarketplaceException("Shopify answered HTTP " + status);
        }
        JsonNode json = parse(response.body());
        JsonNode errors = json.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new MarketplaceException("Shopify answered with errors: " + messages(errors));
        }
        return json.path("data");
    }

    /** A 200 whose errors say THROTTLED: wait until the bucket holds the query's cost again. */
    static Optional<Duration> throttleWait(HttpResponse<String> response) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean throttled = false;
        for (JsonNode error : json.path("errors")) {
            throttled |= "THROTTLED".equals(error.path("extensions").path("code").asText());
        }
        if (!throttled) {
            return Optional.empty();
        }
        JsonNode cost = json.path("extensions").path("cost");
        double requested = cost.path("requestedQueryCost").asDouble(0);
        double available = cost.path("throttleStatus").path("currentlyAvailable").asDouble(0);
        double restoreRate = cost.path("throttleStatus").path("restoreRate").asDouble(0);
        if (restoreRate <= 0) {
            return Optional.of(Duration.ofSeconds(1));
        }
        double seconds = Math.max(0, requested - available) / restoreRate;
        return Optional.of(Duration.ofMillis(Math.max(100, (long) Math.ceil(seconds * 1000))));
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new MarketplaceException("Shopify answered with a body that is not JSON");
        }
    }

    private static String messages(JsonNode errors) {
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> messages.add(e.path("message").asText("?")));
        String joined = String.join("; ", messages);
        return joined.length() > 300 ? joined.substring(0, 297) + "..." : joined;
    }
}
