package com.miniwms.salesorders.sync.amazon;

import com.miniwms.salesorders.sync.http.RetryingHttp;
import com.miniwms.salesorders.sync.http.TokenEndpoint;

import java.net.URI;
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

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final TokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;
    int exchanges;

    public LwaTokenSource(URI tokenUrl, String clientId, String clientSecret, String refreshToken, RetryingHttp http,
                          Clock clock) {
        this.endpoint = new TokenEndpoint(tokenUrl, "Login with Amazon", status -> status == 400 || status == 401,
                http, clock);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
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
        TokenEndpoint.IssuedToken issued = endpoint.request(TokenEndpoint.form("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", clientId, "client_secret", clientSecret), LIFETIME);
        token = issued.accessToken();
        expires = issued.expiresAt();
        exchanges++;
    }
}
