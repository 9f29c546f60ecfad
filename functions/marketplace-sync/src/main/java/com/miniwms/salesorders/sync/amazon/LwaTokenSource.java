package com.miniwms.salesorders.sync.amazon;

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
 * Login with Amazon: exchanges the refresh token for an access token (valid about an hour) and keeps it until a
 * minute before it expires. Errors name the status only, never a token or the client secret.
 */
public final class LwaTokenSource implements Supplier<String> {
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final RetryingHttp http;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;
    int exchanges;

    public LwaTokenSource(URI tokenUrl, String clientId, String clientSecret, String refreshToken, RetryingHttp http,
                          Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        if (token == null || !clock.instant().isBefore(expires.minus(MARGIN))) {
            exchange();
        }
        return token;
    }

    /** Forgets the token (after the API refused it), so the next call exchanges again. */
    public synchronized void invalidate() {
        token = null;
    }

    private void exchange() {
        String form = "grant_type=refresh_token&refresh_token=" + encode(refreshToken) + "&client_id="
                + encode(clientId) + "&client_secret=" + encode(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, "Login with Amazon");
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new MarketplaceException("Login with Amazon refused the refresh token or client credentials (HTTP "
                    + response.statusCode() + ")", true, null);
        }
        if (response.statusCode() >= 300) {
            throw new MarketplaceException("Login with Amazon answered HTTP " + response.statusCode());
        }
        try {
            JsonNode body = Json.MAPPER.readTree(response.body());
            String accessToken = body.path("access_token").textValue();
            if (accessToken == null) {
                throw new MarketplaceException("Login with Amazon answered without an access token");
            }
            token = accessToken;
            expires = clock.instant().plusSeconds(body.path("expires_in").asLong(3600));
            exchanges++;
        } catch (IOException e) {
            throw new MarketplaceException("Login with Amazon answered with a body that is not JSON");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
