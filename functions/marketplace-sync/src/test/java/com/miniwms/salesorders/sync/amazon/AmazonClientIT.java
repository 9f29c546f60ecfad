package com.miniwms.salesorders.sync.amazon;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Amazon client against WireMock: LWA token caching, searchOrders paging, 429 backoff, FBA, mapping. */
class AmazonClientIT {
    private static final String ACCESS = "Atza|access-token-secret";
    private static final String REFRESH = "Atzr|refresh-token-secret";
    private static final String SEARCH = "/orders/2026-01-01/orders";
    private static final FetchWindow WINDOW = new FetchWindow(Instant.parse("2026-07-01T09:00:00Z"),
            Instant.parse("2026-07-01T09:58:00Z"));

    private WireMockServer server;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlEqualTo("/auth/o2/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + ACCESS + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private AmazonClient client(boolean importFba) {
        RetryingHttp http = new RetryingHttp(RetryingHttp.defaultClient(),
                new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10),
                        Duration.ofSeconds(5)), waits::add);
        LwaTokenSource tokens = new LwaTokenSource(URI.create(server.baseUrl() + "/auth/o2/token"), "amzn1.client",
                "client-secret-value", REFRESH, http, Clock.fixed(Instant.parse("2026-07-01T10:00:00Z"), ZoneOffset.UTC));
        return new AmazonClient(new AmazonSettings(URI.create(server.baseUrl()), List.of("A1PA6795UKMFR9"), importFba,
                100), tokens, http);
    }

    static String resource(String name) {
        try (InputStream in = AmazonClientIT.class.getResourceAsStream("/amazon/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stubPages() {
        server.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(resource("search-page-1.json"))));
        server.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(1)
                .withQueryParam("paginationToken", equalTo("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(resource("search-page-2.json"))));
    }

    @Test
    void theWindowEndsTwoMinutesBeforeNow() {
        assertThat(client(false).upperBound(Instant.parse("2026-07-01T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-01T09:58:00Z"));
    }

    @Test
    void theDocumentedPageMapsFieldByField() {
        stubPages();
        ChannelPage page = client(false).fetch(WINDOW, null);

        assertThat(page.nextCursor()).isEqualTo("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4");
        ChannelOrder first = page.orders().get(0).order();
        assertThat(first.externalOrderId()).isEqualTo("302-1234567-7654321");
        assertThat(first.displayNumber()).isEqualTo("WMS-88001");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-07-01T08:55:12Z"));
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2026-07-01T09:10:03Z"));
        assertThat(first.cancelled()).isFalse();
        assertThat(first.shipTo().name()).isEqualTo("Max Muster");
        assertThat(first.shipTo().address1()).isEqualTo("Ringstr. 7");
        assertThat(first.shipTo().city()).isEqualTo("Köln");
        assertThat(first.shipTo().postcode()).isEqualTo("50667");
        assertThat(first.shipTo().country()).isEqualTo("DE");
        assertThat(first.shipTo().email()).isEqualTo("abc123@marketplace.amazon.de");
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.totals().total().toPlainString()).isEqualTo("41.98");
        assertThat(first.lines()).extracting(l -> l.sku() + " x" + l.quantity() + " @" + l.unitPrice())
                .containsExactly("MUG-RED x2 @12.99", "TEE-M x1 @16.00");

        ChannelOrder second = page.orders().get(1).order();
        assertThat(second.cancelled()).isTrue();
        assertThat(second.cancelReason()).isEqualTo("Ordered by mistake");
        assertThat(second.shipTo().name()).as("no address without the restricted role")
                .isEqualTo("Amazon order 302-7654321-1234567");
        assertThat(second.lines().get(1).unitPrice()).isNull();
    }

    @Test
    void theNextPageSendsTheTokenBackWithTheSameParametersAndTheAccessTokenIsExchangedOnce() {
        stubPages();
        AmazonClient client = client(false);
        ChannelPage first = client.fetch(WINDOW, null);
        ChannelPage second = client.fetch(WINDOW, first.nextCursor());

        assertThat(second.nextCursor()).isNull();
        assertThat(second.orders()).extracting(PulledOrder::externalOrderId).as("the FBA order is left out")
                .containsExactly("302-3333333-4444444");
        assertThat(second.orders().get(0).order().lines().get(0).unitPrice()).as("pending: no price yet").isNull();
        server.verify(1, postRequestedFor(urlEqualTo("/auth/o2/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=Atzr%7Crefresh-token-secret")));
        server.verify(2, getRequestedFor(urlPathEqualTo(SEARCH))
                .withHeader("x-amz-access-token", equalTo(ACCESS))
                .withQueryParam("lastUpdatedAfter", equalTo("2026-07-01T09:00:00Z"))
                .withQueryParam("lastUpdatedBefore", equalTo("2026-07-01T09:58:00Z"))
                .withQueryParam("marketplaceIds", equalTo("A1PA6795UKMFR9"))
                .withQueryParam("maxResultsPerPage", equalTo("100"))
                .withQueryParam("includedData", equalTo(AmazonClient.INCLUDED_DATA)));
    }

    @Test
    void amazonFulfilledOrdersAreImportedWhenTheSettingSaysSo() {
        stubPages();
        assertThat(client(true).fetch(WINDOW, "2YgYW55IGNhcm5hbCBwbGVhc3VyZS4").orders()).hasSize(2);
    }

    @Test
    void throttlingIsWaitedOutAndThePageIsNeverDropped() {
        server.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("quota").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"errors\":[{\"code\":\"QuotaExceeded\"}]}"))
                .willSetStateTo("again"));
        server.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("quota").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("quota").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody(resource("search-page-1.json"))));

        assertThat(client(false).fetch(WINDOW, null).orders()).hasSize(2);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(1)).as("backoff grows").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRefusedRefreshTokenIsAClearStateAndNoSecretIsQuoted() {
        server.stubFor(post(urlEqualTo("/auth/o2/token")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The request has an invalid grant parameter : refresh_token\"}")));
        assertThatThrownBy(() -> client(false).fetch(WINDOW, null))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> {
                    assertThat(e.credentialsRejected()).isTrue();
                    assertThat(e.getMessage()).doesNotContain(REFRESH).doesNotContain("client-secret-value");
                });
    }

    @Test
    void anExpiredAccessTokenIsExchangedAgainOnce() {
        server.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("expired").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(403).withBody("{\"errors\":[{\"code\":\"Unauthorized\"}]}"))
                .willSetStateTo("fresh"));
        server.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("expired").whenScenarioStateIs("fresh")
                .willReturn(aResponse().withBody(resource("search-page-1.json"))));

        assertThat(client(false).fetch(WINDOW, null).orders()).hasSize(2);
        server.verify(2, postRequestedFor(urlEqualTo("/auth/o2/token")));
    }
}
