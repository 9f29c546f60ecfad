package com.miniwms.salesorders.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shopify and Amazon order APIs with generated orders and their documented rate limits, on one loopback port:
 * Shopify's GraphQL Admin API with the calculated-cost leaky bucket (THROTTLED on HTTP 200 with the cost data), and
 * Amazon's {@code searchOrders} with its token bucket (429). Both read the given clock, so the benchmark can run
 * them on simulated time.
 */
final class MarketplaceStandIns implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Clock clock;
    private final int orders;
    private final ShopifyBucket shopify;
    private final AmazonBucket amazon;
    final AtomicInteger shopifyCalls = new AtomicInteger();
    final AtomicInteger shopifyThrottled = new AtomicInteger();
    final AtomicInteger amazonCalls = new AtomicInteger();
    final AtomicInteger amazon429 = new AtomicInteger();

    /**
     * @param shopify the Shopify bucket (null: unthrottled)
     * @param amazon the Amazon bucket (null: unthrottled)
     */
    MarketplaceStandIns(int orders, Clock clock, ShopifyBucket shopify, AmazonBucket amazon) throws IOException {
        this.orders = orders;
        this.clock = clock;
        this.shopify = shopify;
        this.amazon = amazon;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/admin/api/2026-07/graphql.json", this::shopifyGraphql);
        server.createContext("/auth/o2/token", exchange -> send(exchange, 200,
                "{\"access_token\":\"Atza|bench\",\"token_type\":\"bearer\",\"expires_in\":3600}"));
        server.createContext("/orders/2026-01-01/orders", this::amazonSearch);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** Shopify's leaky bucket of query cost points: a query needs its requested cost available, pays its actual. */
    static final class ShopifyBucket {
        final double maximum;
        final double restoreRate;
        private double available;
        private Instant updated;

        ShopifyBucket(double maximum, double restoreRate, Clock clock) {
            this.maximum = maximum;
            this.restoreRate = restoreRate;
            this.available = maximum;
            this.updated = clock.instant();
        }

        synchronized double available(Clock clock) {
            Instant now = clock.instant();
            available = Math.min(maximum, available + Duration.between(updated, now).toNanos() / 1e9 * restoreRate);
            updated = now;
            return available;
        }

        synchronized boolean take(Clock clock, double requested, double actual) {
            if (available(clock) < requested) {
                return false;
            }
            available -= actual;
            return true;
        }
    }

    /** Amazon's token bucket per operation: {@code rate} tokens a second up to {@code burst}. */
    static final class AmazonBucket {
        final double rate;
        final double burst;
        private double tokens;
        private Instant updated;

        AmazonBucket(double rate, int burst, Clock clock) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
            this.updated = clock.instant();
        }

        synchronized boolean take(Clock clock) {
            Instant now = clock.instant();
            tokens = Math.min(burst, tokens + Duration.between(updated, now).toNanos() / 1e9 * rate);
            updated = now;
            if (tokens < 1 - 1e-9) { // a call at the exact moment the token is back gets it
                return false;
            }
            tokens = Math.max(0, tokens - 1);
            return true;
        }
    }

    /** The requested cost of an orders query, as Shopify calculates it: connection size times the node's cost. */
    static double requestedCost(int first, int lines) {
        return 1 + first * (1.0 + lines);
    }

    private void shopifyGraphql(HttpExchange exchange) throws IOException {
        shopifyCalls.incrementAndGet();
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        JsonNode variables = request.path("variables");
        int first = variables.path("first").asInt(50);
        int lines = variables.path("lines").asInt(10);
        int offset = variables.path("after").isTextual() ? Integer.parseInt(variables.path("after").asText()) : 0;
        int count = Math.max(0, Math.min(first, orders - offset));
        double requested = requestedCost(first, lines);
        double actual = 1 + count * 3.0; // each order and its two line items
        if (shopify != null && !shopify.take(clock, requested, actual)) {
            shopifyThrottled.incrementAndGet();
            send(exchange, 200, "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}],"
                    + cost(requested, null));
            return;
        }
        StringBuilder body = new StringBuilder("{\"data\":{\"orders\":{\"nodes\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                body.append(',');
            }
            shopifyOrder(body, offset + i + 1);
        }
        boolean more = offset + count < orders;
        body.append("],\"pageInfo\":{\"hasNextPage\":").append(more).append(",\"endCursor\":\"")
                .append(offset + count).append("\"}}},").append(cost(requested, actual)).append('}');
        send(exchange, 200, body.toString());
    }

    private String cost(double requested, Double actual) {
        double available = shopify == null ? 2000 : shopify.available(clock);
        double maximum = shopify == null ? 2000 : shopify.maximum;
        double restore = shopify == null ? 100 : shopify.restoreRate;
        return "\"extensions\":{\"cost\":{\"requestedQueryCost\":" + requested + ",\"actualQueryCost\":"
                + actual + ",\"throttleStatus\":{\"maximumAvailable\":" + maximum + ",\"currentlyAvailable\":"
                + available + ",\"restoreRate\":" + restore + "}}}" + (actual == null ? "}" : "");
    }

    private static void shopifyOrder(StringBuilder out, int n) {
        String id = Long.toString(5_900_000_000_000L + n);
        String time = Instant.parse("2026-07-01T00:00:00Z").plusSeconds(n * 7L).toString();
        out.append("{\"id\":\"gid://shopify/Order/").append(id).append("\",\"legacyResourceId\":\"").append(id)
                .append("\",\"name\":\"#").append(10_000 + n).append("\",\"createdAt\":\"").append(time)
                .append("\",\"updatedAt\":\"").append(time).append("\",\"processedAt\":\"").append(time)
                .append("\",\"cancelledAt\":null,\"cancelReason\":null,\"displayFinancialStatus\":\"PAID\","
                        + "\"displayFulfillmentStatus\":\"UNFULFILLED\",\"currencyCode\":\"EUR\","
                        + "\"presentmentCurrencyCode\":\"EUR\",\"test\":false,"
                        + "\"totalPriceSet\":{\"shopMoney\":{\"amount\":\"54.97\",\"currencyCode\":\"EUR\"}},"
                        + "\"totalTaxSet\":{\"shopMoney\":{\"amount\":\"8.78\",\"currencyCode\":\"EUR\"}},"
                        + "\"totalDiscountsSet\":{\"shopMoney\":{\"amount\":\"0.00\",\"currencyCode\":\"EUR\"}},"
                        + "\"totalShippingPriceSet\":{\"shopMoney\":{\"amount\":\"4.99\",\"currencyCode\":\"EUR\"}},"
                        + "\"email\":\"buyer").append(n).append("@example.com\",\"customer\":{\"displayName\":\"Buyer ")
                .append(n).append("\"},\"shippingAddress\":{\"name\":\"Buyer ").append(n)
                .append("\",\"address1\":\"Hauptstr. 1\",\"address2\":null,\"city\":\"Berlin\",\"provinceCode\":null,"
                        + "\"zip\":\"10115\",\"countryCodeV2\":\"DE\",\"phone\":null},\"lineItems\":{\"nodes\":[")
                .append(shopifyLine(n, 1, "MUG-RED", 2, "12.99")).append(',')
                .append(shopifyLine(n, 2, "TEE-M", 1, "24.00"))
                .append("],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":\"l2\"}}}");
    }

    private static String shopifyLine(int order, int line, String sku, int quantity, String price) {
        return "{\"id\":\"gid://shopify/LineItem/" + (order * 10L + line) + "\",\"sku\":\"" + sku
                + "\",\"title\":\"" + sku + "\",\"quantity\":" + quantity + ",\"currentQuantity\":" + quantity
                + ",\"originalUnitPriceSet\":{\"shopMoney\":{\"amount\":\"" + price + "\",\"currencyCode\":\"EUR\"}}}";
    }

    private void amazonSearch(HttpExchange exchange) throws IOException {
        amazonCalls.incrementAndGet();
        if (amazon != null && !amazon.take(clock)) {
            amazon429.incrementAndGet();
            send(exchange, 429, "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for"
                    + " the requested resource.\"}]}");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int size = Integer.parseInt(query.getOrDefault("maxResultsPerPage", "100"));
        int offset = query.containsKey("paginationToken") ? Integer.parseInt(query.get("paginationToken")) : 0;
        int count = Math.max(0, Math.min(size, orders - offset));
        StringBuilder body = new StringBuilder("{\"orders\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                body.append(',');
            }
            amazonOrder(body, offset + i + 1);
        }
        body.append(']');
        if (offset + count < orders) {
            body.append(",\"pagination\":{\"nextToken\":\"").append(offset + count).append("\"}");
        }
        body.append(",\"lastUpdatedBefore\":\"").append(query.getOrDefault("lastUpdatedBefore", "")).append("\"}");
        send(exchange, 200, body.toString());
    }

    private static void amazonOrder(StringBuilder out, int n) {
        String id = String.format("302-%07d-%07d", n, 7_654_321);
        String time = Instant.parse("2026-07-01T00:00:00Z").plusSeconds(n * 11L).toString();
        out.append("{\"orderId\":\"").append(id).append("\",\"createdTime\":\"").append(time)
                .append("\",\"lastUpdatedTime\":\"").append(time)
                .append("\",\"salesChannel\":{\"channelName\":\"AMAZON\",\"marketplaceId\":\"A1PA6795UKMFR9\","
                        + "\"marketplaceName\":\"Amazon.de\"},\"buyer\":{\"buyerName\":\"Buyer ").append(n)
                .append("\",\"buyerEmail\":\"b").append(n).append("@marketplace.amazon.de\"},"
                        + "\"recipient\":{\"deliveryAddress\":{\"name\":\"Buyer ").append(n)
                .append("\",\"addressLine1\":\"Ringstr. 7\",\"city\":\"Köln\",\"postalCode\":\"50667\","
                        + "\"countryCode\":\"DE\",\"addressType\":\"RESIDENTIAL\"}},"
                        + "\"proceeds\":{\"grandTotal\":{\"amount\":\"41.98\",\"currencyCode\":\"EUR\"}},"
                        + "\"fulfillment\":{\"fulfillmentStatus\":\"UNSHIPPED\",\"fulfilledBy\":\"MERCHANT\"},"
                        + "\"orderItems\":[{\"orderItemId\":\"").append(71_000_000_000_000L + n)
                .append("\",\"quantityOrdered\":2,\"product\":{\"sellerSku\":\"MUG-RED\",\"title\":\"Mug red\","
                        + "\"price\":{\"unitPrice\":{\"amount\":\"20.99\",\"currencyCode\":\"EUR\"}}}}]}");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
