package com.miniwms.salesorders.sync.http;

import com.miniwms.salesorders.sync.MarketplaceException;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Sends requests with the JDK's {@link HttpClient}, retrying 429, 5xx, timeouts and connection failures (and
 * whatever else the caller recognises as throttling in a 200 body) with exponential backoff and jitter, within the
 * policy's budget. Failure messages name the status, never a header or a request body.
 */
public final class RetryingHttp {
    private final HttpClient client;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public RetryingHttp(HttpClient client, RetryPolicy policy, Sleeper sleeper) {
        this.client = client;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> send(HttpRequest request, String what) {
        return send(request, what, response -> Optional.empty());
    }

    /**
     * @param throttled for a response that is not an error by status, how long the server asks to wait, if it says
     *                  it throttled the call
     */
    public HttpResponse<String> send(HttpRequest request, String what,
                                     Function<HttpResponse<String>, Optional<Duration>> throttled) {
        HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(policy.requestTimeout()).build();
        Duration waited = Duration.ZERO;
        String last = null;
        for (int attempt = 0; attempt < policy.maxAttempts(); attempt++) {
            Duration hint = null;
            try {
                HttpResponse<String> response = client.send(timed, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 429 || status >= 500) {
                    last = what + " answered HTTP " + status;
                    hint = retryAfter(response).orElse(null);
                } else {
                    Optional<Duration> wait = status < 300 ? throttled.apply(response) : Optional.empty();
                    if (wait.isEmpty()) {
                        return response;
                    }
                    last = what + " was throttled";
                    hint = wait.get();
                }
            } catch (IOException e) {
                last = what + " failed: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarketplaceException(what + " was interrupted");
            }
            if (attempt == policy.maxAttempts() - 1) {
                break;
            }
            Duration delay = hint != null ? hint.plus(jitter(Duration.ofMillis(250))) : backoff(attempt);
            if (waited.plus(delay).compareTo(policy.budget()) > 0) {
                break;
            }
            sleeper.sleep(delay);
            waited = waited.plus(delay);
        }
        throw new MarketplaceException(last + " (gave up after retrying)");
    }

    private Duration backoff(int attempt) {
        long cap = Math.min(policy.maxDelay().toMillis(), policy.baseDelay().toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    private static Duration jitter(Duration max) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(max.toMillis() + 1));
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
