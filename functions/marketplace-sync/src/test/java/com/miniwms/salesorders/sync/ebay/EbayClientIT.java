package com.miniwms.salesorders.sync.ebay;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.miniwms.salesorders.sync.ChannelOrder;
import com.miniwms.salesorders.sync.ChannelPage;
import com.miniwms.salesorders.sync.FetchWindow;
import com.miniwms.salesorders.sync.MarketplaceException;
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
import java.util.Base64;

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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The eBay client against WireMock: filter, offset paging, mapping, token refresh and the expired-token state. */
class EbayClientIT {
    private static final String ORDERS = "/sell/fulfillment/v1/order";
    private static final String FIXED = "v^1.1#i^1#fixed-user-token";
    private static final FetchWindow WINDOW = new FetchWindow(Instant.parse("2026-07-01T09:00:00Z"),
            Instant.parse("2026-07-01T10:00:00Z"));

    private WireMockServer server;
    private RetryingHttp http;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        http = new RetryingHttp(RetryingHttp.defaultClient(), new RetryPolicy(3, Duration.ofMillis(10),
                Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(5)), wait -> { });
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static String resource(String name) {
        try (InputStream in = EbayClientIT.class.getResourceAsStream("/ebay/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private EbayClient client(EbayTokenSource tokens) {
        return new EbayClient(URI.create(server.baseUrl()), tokens, http);
    }

    private void stubPages() {
        server.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("offset", equalTo("0"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(resource("orders-page-1.json"))));
        server.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("offset", equalTo("2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(resource("orders-page-2.json"))));
    }

    @Test
    void theDocumentedPageMapsFieldByFieldAndTheNextOffsetFollows() {
        stubPages();
        EbayClient client = client(EbayTokenSource.fixed(FIXED));
        ChannelPage first = client.fetch(WINDOW, null);

        assertThat(first.nextCursor()).isEqualTo("2");
        ChannelOrder order = first.orders().get(0).order();
        assertThat(order.externalOrderId()).isEqualTo("12-34567-89012");
        assertThat(order.displayNumber()).isEqualTo("1501");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-07-01T08:40:00Z"));
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2026-07-01T09:12:30Z"));
        assertThat(order.cancelled()).isFalse();
        assertThat(order.shipTo().name()).isEqualTo("Eva Lind");
        assertThat(order.shipTo().address1()).isEqualTo("Torget 3");
        assertThat(order.shipTo().city()).isEqualTo("Malmö");
        assertThat(order.shipTo().postcode()).isEqualTo("21122");
        assertThat(order.shipTo().country()).isEqualTo("SE");
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.totals().subtotal().toPlainString()).isEqualTo("41.98");
        assertThat(order.totals().shipping().toPlainString()).isEqualTo("4.95");
        assertThat(order.totals().total().toPlainString()).isEqualTo("46.93");
        assertThat(order.lines()).extracting(l -> l.sku() + " x" + l.quantity() + " @" + l.unitPrice())
                .as("lineItemCost is unit price x quantity").containsExactly("MUG-RED x2 @12.99", "TEE-M x1 @16.00");

        ChannelOrder cancelled = first.orders().get(1).order();
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.totals().discount().toPlainString()).isEqualTo("3.00");
        assertThat(cancelled.shipTo().name()).as("no ship-to: the buyer's name").isEqualTo("buyer_two");

        ChannelPage second = client.fetch(WINDOW, first.nextCursor());
        assertThat(second.nextCursor()).isNull();
        ChannelOrder third = second.orders().get(0).order();
        assertThat(third.shipTo().phone()).isEqualTo("+44 20 7946 0000");
        assertThat(third.shipTo().email()).isEqualTo("ola@example.com");
        assertThat(third.shipTo().address2()).isEqualTo("Flat 2");
        assertThat(third.lines().get(0).unitPrice().toPlainString()).isEqualTo("10.00");
    }

    @Test
    void theRequestFiltersOnTheModificationRangeWithEncodedBracketsAndPagesOf200() {
        stubPages();
        client(EbayTokenSource.fixed(FIXED)).fetch(WINDOW, null);
        server.verify(getRequestedFor(urlEqualTo(ORDERS + "?filter=lastmodifieddate:%5B2026-07-01T09:00:00.000Z.."
                + "2026-07-01T10:00:00.000Z%5D&limit=200&offset=0"))
                .withHeader("Authorization", equalTo("Bearer " + FIXED)));
    }

    @Test
    void anExpiredPastedTokenIsAClearStateNotARetryLoop() {
        server.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> client(EbayTokenSource.fixed(FIXED)).fetch(WINDOW, null))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> {
                    assertThat(e.credentialsRejected()).isTrue();
                    assertThat(e.getMessage()).contains("expired").doesNotContain(FIXED);
                });
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void withARefreshTokenTheAccessTokenIsRefreshedWithBasicAuthAndKept() {
        stubPages();
        server.stubFor(post(urlEqualTo("/identity/v1/oauth2/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"v^1.1#refreshed\",\"expires_in\":7200,\"token_type\":\"User Access Token\"}")));
        EbayTokenSource tokens = EbayTokenSource.refreshing(URI.create(server.baseUrl() + "/identity/v1/oauth2/token"),
                "client-id", "client-secret", "v^1.1#refresh", http,
                Clock.fixed(Instant.parse("2026-07-01T10:00:00Z"), ZoneOffset.UTC));
        EbayClient client = client(tokens);
        client.fetch(WINDOW, null);
        client.fetch(WINDOW, "2");

        String basic = Base64.getEncoder().encodeToString("client-id:client-secret".getBytes(StandardCharsets.UTF_8));
        server.verify(1, postRequestedFor(urlEqualTo("/identity/v1/oauth2/token"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope%2Fsell.fulfillment.readonly")));
        server.verify(2, getRequestedFor(urlPathEqualTo(ORDERS)).withHeader("Authorization",
                equalTo("Bearer v^1.1#refreshed")));
    }
}
