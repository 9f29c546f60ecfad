package com.miniwms.salesorders.sync.ebay;

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
import java.util.Base64;

/**
 * eBay user access tokens: either the one token the merchant pasted (it expires after about two hours and cannot
 * be renewed here), or a token refreshed from the client id, client secret and refresh token, kept until shortly
 * before it expires.
 */
public final class EbayTokenSource {
    static final String SCOPE = "https://api.ebay.com/oauth/api_scope/sell.fulfillment.readonly";
    private static final Duration MARGIN = Duration.ofMinutes(2);

    private final String fixedToken;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final RetryingHttp http;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    private EbayTokenSource(String fixedToken, URI tokenUrl, String clientId, String clientSecret,
                            String refreshToken, RetryingHttp http, Clock clock) {
        this.fixedToken = fixedToken;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.http = http;
        this.clock = clock;
    }

    public static EbayTokenSource fixed(String accessToken) {
        return new EbayTokenSource(accessToken, null, null, null, null, null, null);
    }

    public static EbayTokenSource refreshing(URI tokenUrl, String clientId, String clientSecret, String refreshToken,
                                             RetryingHttp http, Clock clock) {
        return new EbayTokenSource(null, tokenUrl, clientId, clientSecret, refreshToken, http, clock);
    }

    public boolean canRefresh() {
        return fixedToken == null;
    }

    public synchronized String get() {
        if (fixedToken != null) {
            return fixedToken;
        }
        if (token == null || !clock.instant().isBefore(expires.minus(MARGIN))) {
            refresh();
        }
        return token;
    }

    public synchronized void invalidate() {
        token = null;
    }

    private void refresh() {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, "eBay token refresh");
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new MarketplaceException("eBay refused the refresh token or client credentials (HTTP "
                    + response.statusCode() + ")", true, null);
        }
        if (response.statusCode() >= 300) {
            throw new MarketplaceException("eBay token refresh answered HTTP " + response.statusCode());
        }
        try {
            JsonNode body = Json.MAPPER.readTree(response.body());
            String accessToken = body.path("access_token").textValue();
            if (accessToken == null) {
                throw new MarketplaceException("eBay answered the token refresh without an access token");
            }
            token = accessToken;
            expires = clock.instant().plusSeconds(body.path("expires_in").asLong(7200));
        } catch (IOException e) {
            throw new MarketplaceException("eBay answered the token refresh with a body that is not JSON");
        }
    }
}
