package com.miniwms.salesorders.sync.shopify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.miniwms.salesorders.sync.ChannelLine;
import com.miniwms.salesorders.sync.ChannelOrder;
import com.miniwms.salesorders.sync.ChannelPage;
import com.miniwms.salesorders.sync.FetchWindow;
import com.miniwms.salesorders.sync.MarketplaceException;
import com.miniwms.salesorders.sync.PulledOrder;
import com.miniwms.salesorders.sync.http.RetryPolicy;
import com.miniwms.salesorders.sync.http.RetryingHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Shopify client against a WireMock stand-in: mapping, paging, throttling, retries, refused tokens. */
class ShopifyClientIT {
    static final String TOKEN = "shpat_test_secret_0123456789abcdef";
    private static final String ENDPOINT = "/admin/api/2026-07/graphql.json";
    private static final FetchWindow WINDOW = new FetchWindow(Instant.parse("2026-07-01T09:00:00Z"),
            Instant.parse("2026-07-01T12:00:00Z"));

    private WireMockServer server;
    private final List<Duration> waits = new ArrayList<>();
    private ShopifyClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        RetryingHttp http = new RetryingHttp(RetryingHttp.defaultClient(),
                new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1),
                        Duration.ofSeconds(5)), waits::add);
        client = new ShopifyClient(new ShopifySettings(URI.create(server.baseUrl()), "2026-07", 2, 2),
                () -> TOKEN, http);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static String resource(String name) {
        try (InputStream in = ShopifyClientIT.class.getResourceAsStream("/shopify/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stubPages() {
        server.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("query Orders"))
                .withRequestBody(containing("\"after\":null"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(resource("orders-page-1.json"))));
        server.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("query Orders"))
                .withRequestBody(containing("\"after\":\"eyJsYXN0X2lkIjo1ODIwMDAwMDAwMDAyfQ==\""))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(resource("orders-page-2.json"))));
        server.stubFor(post(urlEqualTo(ENDPOINT)).withRequestBody(containing("query OrderLines"))
                .withRequestBody(containing("\"after\":\"bGluZXMtMg==\""))
                .withRequestBody(containing("gid://shopify/Order/5820000000003"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(resource("order-lines-1003.json"))));
    }

    @Test
    void theFirstPageMapsFieldByField() {
        stubPages();
        ChannelPage page = client.fetch(WINDOW, null);

        assertThat(page.nextCursor()).isEqualTo("eyJsYXN0X2lkIjo1ODIwMDAwMDAwMDAyfQ==");
        assertThat(page.orders()).extracting(PulledOrder::error).containsOnlyNulls();
        ChannelOrder first = page.orders().get(0).order();
        assertThat(first.externalOrderId()).isEqualTo("gid://shopify/Order/5820000000001");
        assertThat(first.displayNumber()).isEqualTo("#1001");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-07-01T09:15:00Z"));
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2026-07-01T09:20:11Z"));
        assertThat(first.cancelled()).isFalse();
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.totals().total()).isEqualByComparingTo("54.97");
        assertThat(first.totals().total().toPlainString()).isEqualTo("54.97");
        assertThat(first.totals().tax()).isEqualByComparingTo("8.78");
        assertThat(first.totals().discount()).isEqualByComparingTo("0.00");
        assertThat(first.totals().shipping()).isEqualByComparingTo("4.99");
        assertThat(first.shipTo().name()).isEqualTo("Anna Berg");
        assertThat(first.shipTo().address1()).isEqualTo("Hauptstr. 1");
        assertThat(first.shipTo().address2()).isNull();
        assertThat(first.shipTo().city()).isEqualTo("Berlin");
        assertThat(first.shipTo().postcode()).isEqualTo("10115");
        assertThat(first.shipTo().country()).isEqualTo("DE");
        assertThat(first.shipTo().email()).isEqualTo("anna@example.com");
        assertThat(first.lines()).containsExactly(
                new ChannelLine("gid://shopify/LineItem/9001", "MUG-RED", "Mug red", 2, new java.math.BigDecimal("12.99")),
                new ChannelLine("gid://shopify/LineItem/9002", "TEE-M", "T-shirt M", 1, new java.math.BigDecimal("24.00")));

        ChannelOrder second = page.orders().get(1).order();
        assertThat(second.cancelled()).isTrue();
        assertThat(second.cancelReason()).isEqualTo("CUSTOMER");
        assertThat(second.shipTo().address2()).isEqualTo("2B");
        assertThat(second.shipTo().email()).isNull();
        assertThat(second.totals().discount()).isEqualByComparingTo("3.00");
        assertThat(second.lines()).extracting(ChannelLine::quantity).as("currentQuantity: all units removed")
                .containsExactly(0, 0);
    }

    @Test
    void theRequestCarriesTheTokenTheVersionAndTheQuotedUpdateRange() {
        stubPages();
        client.fetch(WINDOW, null);
        server.verify(postRequestedFor(urlEqualTo(ENDPOINT))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(containing("sortKey:UPDATED_AT"))
                .withRequestBody(containing(
                        "updated_at:>='2026-07-01T09:00:00Z' AND updated_at:<='2026-07-01T12:00:00Z'")));
    }

    @Test
    void theNextPageFollowsTheCursorAndAnOrdersFurtherLineItemsAreFetched() {
        stubPages();
        ChannelPage second = client.fetch(WINDOW, "eyJsYXN0X2lkIjo1ODIwMDAwMDAwMDAyfQ==");

        assertThat(second.nextCursor()).isNull();
        ChannelOrder order = second.orders().get(0).order();
        assertThat(order.lines()).extracting(ChannelLine::sku).containsExactly("BOWL-1", "", "PLATE-2");
        assertThat(order.lines().get(2).quantity()).isEqualTo(3);
        assertThat(order.shipTo().state()).isEqualTo("ENG");
        assertThat(order.shipTo().phone()).isEqualTo("+44 113 496 0000");
    }

    @Test
    void aThrottledAnswerOnHttp200WaitsForTheBucketAndRetries() {
        server.stubFor(post(urlEqualTo(ENDPOINT)).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody(resource("throttled.json")))
                .willSetStateTo("refilled"));
        server.stubFor(post(urlEqualTo(ENDPOINT)).inScenario("throttle").whenScenarioStateIs("refilled")
                .willReturn(aResponse().withBody(resource("orders-page-1.json"))));

        ChannelPage page = client.fetch(WINDOW, null);

        assertThat(page.orders()).hasSize(2);
        assertThat(waits).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2250)));
    }

    @Test
    void serverErrorsAndHttp429AreRetriedWithBackoff() {
        server.stubFor(post(urlEqualTo(ENDPOINT)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("busy"));
        server.stubFor(post(urlEqualTo(ENDPOINT)).inScenario("flaky").whenScenarioStateIs("busy")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        server.stubFor(post(urlEqualTo(ENDPOINT)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody(resource("orders-page-1.json"))));

        assertThat(client.fetch(WINDOW, null).orders()).hasSize(2);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1250));
    }

    @Test
    void aServerThatKeepsFailingGivesUpWithinTheBudget() {
        server.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> client.fetch(WINDOW, null)).isInstanceOf(MarketplaceException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(server.getAllServeEvents()).hasSize(5);
    }

    @Test
    void aRefusedTokenIsReportedAsSuchAndNeverQuoted() {
        server.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));
        assertThatThrownBy(() -> client.fetch(WINDOW, null)).isInstanceOfSatisfying(MarketplaceException.class, e -> {
            assertThat(e.credentialsRejected()).isTrue();
            assertThat(e.getMessage()).doesNotContain(TOKEN).contains("401");
        });
        assertThat(server.getAllServeEvents()).as("no retry of a refused token").hasSize(1);
    }

    @Test
    void anOrderThatCannotBeReadIsReportedWithoutLosingTheOthers() {
        String page = resource("orders-page-1.json").replaceFirst("\"quantity\": 2", "\"quantity\": \"two\"")
                .replaceFirst("\"currentQuantity\": 2", "\"currentQuantity\": \"two\"");
        server.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withBody(page)));

        List<PulledOrder> orders = client.fetch(WINDOW, null).orders();

        assertThat(orders.get(0).error()).contains("no whole quantity");
        assertThat(orders.get(0).updatedAt()).isEqualTo(Instant.parse("2026-07-01T09:20:11Z"));
        assertThat(orders.get(1).order()).isNotNull();
    }
}
