package com.miniwms.salesorders.sync.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.sync.ChannelPage;
import com.miniwms.salesorders.sync.FetchWindow;
import com.miniwms.salesorders.sync.JsonFields;
import com.miniwms.salesorders.sync.MarketplaceClient;
import com.miniwms.salesorders.sync.MarketplaceException;
import com.miniwms.salesorders.sync.PulledOrder;
import com.miniwms.salesorders.sync.http.RetryingHttp;
import com.miniwms.salesorders.sync.http.TokenBucket;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Amazon's Orders API v2026-01-01 {@code searchOrders}: orders last updated within the window (whose end is at
 * least two minutes before now, as Amazon requires), 100 per page with their items and the included data blocks,
 * {@code nextToken} sent back as {@code paginationToken} with otherwise identical parameters. With a
 * {@link TokenBucket} the calls keep to the documented rate (0.0056/s, burst 20) instead of finding it by 429s; a
 * 429 that still comes is retried with backoff by {@link RetryingHttp}; a refused access token is exchanged again
 * once.
 */
public final class AmazonClient implements MarketplaceClient {
    static final String INCLUDED_DATA = "BUYER,RECIPIENT,FULFILLMENT,PROCEEDS,PROMOTION,CANCELLATION";
    private static final Duration VISIBILITY_DELAY = Duration.ofMinutes(2);

    private final AmazonSettings settings;
    private final LwaTokenSource tokens;
    private final RetryingHttp http;
    private final TokenBucket pacing;

    public AmazonClient(AmazonSettings settings, LwaTokenSource tokens, RetryingHttp http) {
        this(settings, tokens, http, null);
    }

    /**
     * @param pacing the {@code searchOrders} rate limit kept on this side ({@link TokenBucket#amazonSearchOrders}),
     *               or {@code null} to rely on 429s and backoff alone
     */
    public AmazonClient(AmazonSettings settings, LwaTokenSource tokens, RetryingHttp http, TokenBucket pacing) {
        this.settings = settings;
        this.tokens = tokens;
        this.http = http;
        this.pacing = pacing;
    }

    @Override
    public Instant upperBound(Instant now) {
        return now.minus(VISIBILITY_DELAY);
    }

    /** The query string; identical for every page of a window except for the pagination token. */
    String query(FetchWindow window, String cursor) {
        DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        String query = "lastUpdatedAfter=" + encode(iso.format(window.from().truncatedTo(ChronoUnit.SECONDS)))
                + "&lastUpdatedBefore=" + encode(iso.format(window.to().truncatedTo(ChronoUnit.SECONDS)))
                + "&marketplaceIds=" + encode(String.join(",", settings.marketplaceIds()))
                + "&maxResultsPerPage=" + settings.pageSize()
                + "&includedData=" + encode(INCLUDED_DATA);
        return cursor == null ? query : query + "&paginationToken=" + encode(cursor);
    }

    @Override
    public ChannelPage fetch(FetchWindow window, String cursor) {
        URI uri = URI.create(settings.apiBaseUrl().toString().replaceAll("/+$", "") + "/orders/2026-01-01/orders?"
                + query(window, cursor));
        HttpResponse<String> response = get(uri);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            tokens.invalidate();
            response = get(uri);
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new MarketplaceException("Amazon refused the access token (HTTP " + response.statusCode() + ")",
                        true, null);
            }
        }
        if (response.statusCode() >= 300) {
            throw new MarketplaceException("Amazon searchOrders answered HTTP " + response.statusCode());
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new MarketplaceException("Amazon answered with a body that is not JSON");
        }
        List<PulledOrder> orders = new ArrayList<>();
        for (JsonNode order : body.path("orders")) {
            String id = JsonFields.text(order, "orderId");
            Instant updated = null;
            try {
                updated = JsonFields.instant(order, "lastUpdatedTime");
                if (AmazonOrderMapper.fulfilledByAmazon(order) && !settings.importAmazonFulfilled()) {
                    continue; // shipped by Amazon, not by this warehouse
                }
                orders.add(PulledOrder.of(AmazonOrderMapper.map(order)));
            } catch (RuntimeException e) {
                orders.add(PulledOrder.malformed(id, updated, "cannot be read: " + e.getMessage()));
            }
        }
        String next = body.path("pagination").path("nextToken").textValue();
        return new ChannelPage(orders, next == null || next.isBlank() ? null : next);
    }

    private HttpResponse<String> get(URI uri) {
        if (pacing != null) {
            pacing.acquire("Amazon searchOrders");
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .header("x-amz-access-token", tokens.get())
                .GET().build();
        return http.send(request, "Amazon searchOrders");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
