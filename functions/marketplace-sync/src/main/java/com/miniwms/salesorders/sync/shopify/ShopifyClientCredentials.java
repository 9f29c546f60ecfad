package com.miniwms.salesorders.sync.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.sync.MarketplaceException;
import com.miniwms.salesorders.sync.http.RetryingHttp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Shopify's client-credentials grant (Dev Dashboard apps of the merchant's own organisation): exchanges the client
 * id and secret for an access token at {@code <shop>/admin/oauth/access_token} and keeps it until shortly before
 * it expires.
 */
public final class ShopifyClientCredentials implements Supplier<String> {
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final RetryingHttp http;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    public ShopifyClientCredentials(URI shopBaseUrl, String clientId, String clientSecret, RetryingHttp http,
                                    Clock clock) {
        this.tokenUrl = URI.create(shopBaseUrl.toString().replaceAll("/+$", "") + "/admin/oauth/access_token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        if (token == null || !clock.instant().isBefore(expires.minus(MARGIN))) {
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUrl)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "Shopify token exchange");
            if (response.statusCode() >= 400 && response.statusCode() < 500) {
                throw new MarketplaceException("Shopify refused the client id and secret (HTTP "
                        + response.statusCode() + ")", true, null);
            }
            if (response.statusCode() >= 300) {
                throw new MarketplaceException("Shopify token exchange answered HTTP " + response.statusCode());
            }
            try {
                JsonNode body = Json.MAPPER.readTree(response.body());
                String accessToken = body.path("access_token").textValue();
                if (accessToken == null) {
                    throw new MarketplaceException("Shopify answered the token exchange without an access token");
                }
                token = accessToken;
                expires = clock.instant().plusSeconds(body.path("expires_in").asLong(86_400));
            } catch (IOException e) {
                throw new MarketplaceException("Shopify answered the token exchange with a body that is not JSON");
            }
        }
        return token;
    }
}
