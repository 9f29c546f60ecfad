package com.miniwms.salesorders.sync.ebay;

import com.miniwms.salesorders.sync.http.RetryingHttp;
import com.miniwms.salesorders.sync.http.TokenEndpoint;

import java.net.URI;
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
    private static final Duration LIFETIME = Duration.ofHours(2);

    private final TokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    private EbayTokenSource(String fixedToken, URI tokenUrl, String clientId, String clientSecret,
                            String refreshToken, RetryingHttp http, Clock clock) {
        this.fixedToken = fixedToken;
        this.endpoint = tokenUrl == null ? null : new TokenEndpoint(tokenUrl, "eBay",
                status -> status == 400 || status == 401, http, clock);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
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
        TokenEndpoint.IssuedToken issued = endpoint.request(TokenEndpoint.form("grant_type", "refresh_token",
                "refresh_token", refreshToken, "scope", SCOPE), LIFETIME, "Authorization", "Basic " + basic);
        token = issued.accessToken();
        expires = issued.expiresAt();
    }
}
