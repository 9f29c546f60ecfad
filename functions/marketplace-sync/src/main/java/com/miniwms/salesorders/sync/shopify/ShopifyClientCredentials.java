package com.miniwms.salesorders.sync.shopify;

import com.miniwms.salesorders.sync.http.RetryingHttp;
import com.miniwms.salesorders.sync.http.TokenEndpoint;

import java.net.URI;
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

    private static final Duration LIFETIME = Duration.ofDays(1);

    private final TokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    public ShopifyClientCredentials(URI shopBaseUrl, String clientId, String clientSecret, RetryingHttp http,
                                    Clock clock) {
        this.endpoint = new TokenEndpoint(
                URI.create(shopBaseUrl.toString().replaceAll("/+$", "") + "/admin/oauth/access_token"), "Shopify",
                status -> status >= 400 && status < 500, http, clock);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        if (token == null || !clock.instant().isBefore(expires.minus(MARGIN))) {
            TokenEndpoint.IssuedToken issued = endpoint.request(TokenEndpoint.form("grant_type", "client_credentials",
                    "client_id", clientId, "client_secret", clientSecret), LIFETIME, "Accept", "application/json");
            token = issued.accessToken();
            expires = issued.expiresAt();
        }
        return token;
    }
}
