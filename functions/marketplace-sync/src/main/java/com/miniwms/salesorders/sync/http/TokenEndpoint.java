package com.miniwms.salesorders.sync.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.sync.MarketplaceException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntPredicate;

/**
 * An OAuth token endpoint: posts a form and turns the answer into an access token with its expiry, or into an
 * error that names the status only, never a token or a secret.
 */
public final class TokenEndpoint {
    /** An access token and when it stops being valid. */
    public record IssuedToken(String accessToken, Instant expiresAt) {
    }

    private final URI url;
    private final String who;
    private final IntPredicate credentialsRefused;
    private final RetryingHttp http;
    private final Clock clock;

    /**
     * @param who                 names the endpoint in errors, e.g. "Login with Amazon"
     * @param credentialsRefused  the statuses that mean the credentials themselves were refused
     */
    public TokenEndpoint(URI url, String who, IntPredicate credentialsRefused, RetryingHttp http, Clock clock) {
        this.url = url;
        this.who = who;
        this.credentialsRefused = credentialsRefused;
        this.http = http;
        this.clock = clock;
    }

    /**
     * Posts {@code form} (already encoded, see {@link #form}) with the extra headers given as name, value pairs;
     * {@code defaultLifetime} applies when the answer has no {@code expires_in}.
     */
    public IssuedToken request(String form, Duration defaultLifetime, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), who + " token request");
        int status = response.statusCode();
        if (credentialsRefused.test(status)) {
            throw new MarketplaceException(who + " refused the credentials (HTTP " + status + ")", true, null);
        }
        if (status >= 300) {
            throw new MarketplaceException(who + " token request answered HTTP " + status);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new MarketplaceException(who + " answered the token request with a body that is not JSON");
        }
        String accessToken = body.path("access_token").textValue();
        if (accessToken == null) {
            throw new MarketplaceException(who + " answered the token request without an access token");
        }
        return new IssuedToken(accessToken,
                clock.instant().plusSeconds(body.path("expires_in").asLong(defaultLifetime.toSeconds())));
    }

    /** A form body from name, value pairs, each URL-encoded. */
    public static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
