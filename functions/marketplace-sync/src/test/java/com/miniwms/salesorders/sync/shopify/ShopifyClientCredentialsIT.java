package com.miniwms.salesorders.sync.shopify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.miniwms.salesorders.sync.MarketplaceException;
import com.miniwms.salesorders.sync.MutableClockAccess;
import com.miniwms.salesorders.sync.http.RetryPolicy;
import com.miniwms.salesorders.sync.http.RetryingHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shopify's client-credentials grant against WireMock: exchange, caching until near expiry, refusal. */
class ShopifyClientCredentialsIT {
    private static final String TOKEN_PATH = "/admin/oauth/access_token";
    private WireMockServer server;
    private RetryingHttp http;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        http = new RetryingHttp(RetryingHttp.defaultClient(), new RetryPolicy(2, Duration.ofMillis(10),
                Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(5)), wait -> { });
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theTokenIsExchangedOnceAndAgainShortlyBeforeItExpires() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"shpat_exchanged\",\"scope\":\"read_orders\",\"expires_in\":86399}")));
        Clock clock = MutableClockAccess.at(Instant.parse("2026-07-01T10:00:00Z"));
        ShopifyClientCredentials tokens = new ShopifyClientCredentials(URI.create(server.baseUrl()), "client-id",
                "client-secret-value", http, clock);

        assertThat(tokens.get()).isEqualTo("shpat_exchanged");
        assertThat(tokens.get()).isEqualTo("shpat_exchanged");
        server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=client_credentials&client_id=client-id")));
        MutableClockAccess.advance(clock, Duration.ofHours(23).plusMinutes(56));
        tokens.get();
        server.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void refusedClientCredentialsAreAClearStateWithoutTheSecret() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_client\"}")));
        ShopifyClientCredentials tokens = new ShopifyClientCredentials(URI.create(server.baseUrl()), "client-id",
                "client-secret-value", http, Clock.systemUTC());
        assertThatThrownBy(tokens::get).isInstanceOfSatisfying(MarketplaceException.class, e -> {
            assertThat(e.credentialsRejected()).isTrue();
            assertThat(e.getMessage()).doesNotContain("client-secret-value");
        });
    }
}
