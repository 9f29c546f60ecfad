package com.miniwms.salesorders.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local stand-ins for the three marketplace APIs, each a WireMock server on a free loopback port, answering with
 * the documented response shapes ({@code sandbox/<marketplace>/*.json} on the class path):
 *
 * <ul>
 *   <li>Shopify: the GraphQL Admin API {@code orders} query over two pages, an order whose line items continue on a
 *       nested page, a {@code THROTTLED} answer (HTTP 200) to the first query, a cancelled order and a line without
 *       SKU;</li>
 *   <li>Amazon: the LWA token endpoint and Orders API v2026-01-01 {@code searchOrders} over two pages
 *       ({@code nextToken}), a 429 to the first search, a cancelled order and an Amazon-fulfilled one;</li>
 *   <li>eBay: the OAuth refresh-token grant and the Fulfillment API {@code getOrders} with offset paging and a
 *       cancelled order.</li>
 * </ul>
 *
 * <p>The stand-ins do not filter by date: every run reads the same orders, so a second run finds them unchanged.
 * {@link #requests()} tells how often each was called.
 */
public final class MarketplaceSandbox implements AutoCloseable {

    /** The Shopify Admin API version the stand-in serves. */
    public static final String SHOPIFY_VERSION = "2026-07";
    static final String SHOPIFY_GRAPHQL = "/admin/api/" + SHOPIFY_VERSION + "/graphql.json";
    static final String AMAZON_TOKEN = "/auth/o2/token";
    static final String AMAZON_SEARCH = "/orders/2026-01-01/orders";
    static final String EBAY_TOKEN = "/identity/v1/oauth2/token";
    static final String EBAY_ORDERS = "/sell/fulfillment/v1/order";

    /** Every response body the stand-ins serve, by marketplace: what the contract tests check. */
    public static final Map<String, List<String>> RESPONSES = Map.of(
            "shopify", List.of("orders-page-1.json", "orders-page-2.json", "order-lines-1003.json", "throttled.json"),
            "amazon", List.of("search-page-1.json", "search-page-2.json"),
            "ebay", List.of("orders-page-1.json", "orders-page-2.json"));

    private final WireMockServer shopify;
    private final WireMockServer amazon;
    private final WireMockServer ebay;

    private MarketplaceSandbox(WireMockServer shopify, WireMockServer amazon, WireMockServer ebay) {
        this.shopify = shopify;
        this.amazon = amazon;
        this.ebay = ebay;
    }

    /** Starts the three stand-ins on free loopback ports. */
    public static MarketplaceSandbox start() {
        List<WireMockServer> started = new ArrayList<>();
        try {
            WireMockServer shopify = server(started);
            WireMockServer amazon = server(started);
            WireMockServer ebay = server(started);
            stubShopify(shopify);
            stubAmazon(amazon);
            stubEbay(ebay);
            return new MarketplaceSandbox(shopify, amazon, ebay);
        } catch (RuntimeException e) {
            started.forEach(WireMockServer::stop);
            throw e;
        }
    }

    public URI shopifyBaseUrl() {
        return URI.create(shopify.baseUrl());
    }

    public URI amazonBaseUrl() {
        return URI.create(amazon.baseUrl());
    }

    public URI ebayBaseUrl() {
        return URI.create(ebay.baseUrl());
    }

    /** One line: where the stand-ins listen. */
    public String description() {
        return "Marketplace stand-ins: Shopify " + shopify.baseUrl() + ", Amazon " + amazon.baseUrl() + ", eBay "
                + ebay.baseUrl();
    }

    /** Requests received so far, by marketplace. */
    public Map<String, Integer> requests() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("shopify", shopify.getAllServeEvents().size());
        counts.put("amazon", amazon.getAllServeEvents().size());
        counts.put("ebay", ebay.getAllServeEvents().size());
        return counts;
    }

    /**
     * The demo connections, one per marketplace, as {@code PUT /channels/{id}} bodies by connection id: base URLs
     * of the stand-ins and made-up credentials (the stand-ins accept any).
     */
    public Map<String, String> demoConnections(String schedule) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("sandbox-shopify", """
                {"type":"SHOPIFY","enabled":true,"schedule":"%s",
                 "settings":{"storeUrl":"https://sandbox-shop.myshopify.com","apiVersion":"%s","apiBaseUrl":"%s"},
                 "credentials":{"accessToken":"shpat_sandbox_not_a_real_token"}}"""
                .formatted(schedule, SHOPIFY_VERSION, shopify.baseUrl()));
        bodies.put("sandbox-amazon", """
                {"type":"AMAZON","enabled":true,"schedule":"%s",
                 "settings":{"region":"EU","marketplaceIds":["A1PA6795UKMFR9"],"apiBaseUrl":"%s","tokenUrl":"%s"},
                 "credentials":{"clientId":"amzn1.application-oa2-client.sandbox","clientSecret":"sandbox-not-a-secret",
                                "refreshToken":"Atzr|sandbox-not-a-token"}}"""
                .formatted(schedule, amazon.baseUrl(), amazon.baseUrl() + AMAZON_TOKEN));
        bodies.put("sandbox-ebay", """
                {"type":"EBAY","enabled":true,"schedule":"%s",
                 "settings":{"apiBaseUrl":"%s","tokenUrl":"%s"},
                 "credentials":{"clientId":"sandbox-app-id","clientSecret":"sandbox-not-a-secret",
                                "refreshToken":"v^1.1#sandbox-not-a-token"}}"""
                .formatted(schedule, ebay.baseUrl(), ebay.baseUrl() + EBAY_TOKEN));
        return bodies;
    }

    @Override
    public void close() {
        shopify.stop();
        amazon.stop();
        ebay.stop();
    }

    /** A response body of the sandbox, from the class path. */
    public static String response(String marketplace, String name) {
        String path = "/sandbox/" + marketplace + "/" + name;
        try (InputStream in = MarketplaceSandbox.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing sandbox response " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WireMockServer server(List<WireMockServer> started) {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(8).jettyAcceptors(1).maxRequestJournalEntries(1000));
        server.start();
        started.add(server);
        return server;
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static void stubShopify(WireMockServer server) {
        // The first orders query of the stand-in's life is throttled (HTTP 200 with a THROTTLED error and the cost data).
        server.stubFor(post(urlEqualTo(SHOPIFY_GRAPHQL)).atPriority(1)
                .inScenario("shopify-throttle").whenScenarioStateIs(STARTED).willSetStateTo("refilled")
                .withRequestBody(containing("query Orders"))
                .willReturn(json(response("shopify", "throttled.json"))));
        server.stubFor(post(urlEqualTo(SHOPIFY_GRAPHQL)).atPriority(5)
                .withRequestBody(containing("query Orders")).withRequestBody(containing("\"after\":null"))
                .willReturn(json(response("shopify", "orders-page-1.json"))));
        server.stubFor(post(urlEqualTo(SHOPIFY_GRAPHQL)).atPriority(5)
                .withRequestBody(containing("query Orders"))
                .withRequestBody(containing("\"after\":\"eyJsYXN0X2lkIjo1ODIwMDAwMDAwMDAyfQ==\""))
                .willReturn(json(response("shopify", "orders-page-2.json"))));
        server.stubFor(post(urlEqualTo(SHOPIFY_GRAPHQL)).atPriority(5)
                .withRequestBody(containing("query OrderLines"))
                .withRequestBody(containing("gid://shopify/Order/5820000000003"))
                .willReturn(json(response("shopify", "order-lines-1003.json"))));
        server.stubFor(post(urlEqualTo(SHOPIFY_GRAPHQL)).atPriority(10).willReturn(json(
                "{\"errors\":[{\"message\":\"The sandbox shop has no answer to this query\"}]}")));
    }

    private static void stubAmazon(WireMockServer server) {
        server.stubFor(post(urlEqualTo(AMAZON_TOKEN)).willReturn(json(
                "{\"access_token\":\"Atza|sandbox-access\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                        + "\"refresh_token\":\"Atzr|sandbox-not-a-token\"}")));
        // The first search is over the quota: 429 with Amazon's error body and rate-limit header.
        server.stubFor(get(urlPathEqualTo(AMAZON_SEARCH)).atPriority(1)
                .inScenario("amazon-quota").whenScenarioStateIs(STARTED).willSetStateTo("refilled")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-RateLimit-Limit", "0.0056")
                        .withBody("{\"errors\":[{\"code\":\"QuotaExceeded\","
                                + "\"message\":\"You exceeded your quota for the requested resource.\"}]}")));
        server.stubFor(get(urlPathEqualTo(AMAZON_SEARCH)).atPriority(5)
                .willReturn(json(response("amazon", "search-page-1.json"))
                        .withHeader("x-amzn-RateLimit-Limit", "0.0056")));
        server.stubFor(get(urlPathEqualTo(AMAZON_SEARCH)).atPriority(2)
                .withQueryParam("paginationToken", equalTo("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4"))
                .willReturn(json(response("amazon", "search-page-2.json"))
                        .withHeader("x-amzn-RateLimit-Limit", "0.0056")));
    }

    private static void stubEbay(WireMockServer server) {
        server.stubFor(post(urlEqualTo(EBAY_TOKEN)).willReturn(json(
                "{\"access_token\":\"v^1.1#sandbox-access\",\"expires_in\":7200,\"token_type\":\"User Access Token\"}")));
        String base = server.baseUrl();
        server.stubFor(get(urlPathEqualTo(EBAY_ORDERS)).withQueryParam("offset", equalTo("0"))
                .willReturn(json(response("ebay", "orders-page-1.json").replace("https://api.ebay.com", base))));
        server.stubFor(get(urlPathEqualTo(EBAY_ORDERS)).withQueryParam("offset", equalTo("2"))
                .willReturn(json(response("ebay", "orders-page-2.json").replace("https://api.ebay.com", base))));
    }
}
