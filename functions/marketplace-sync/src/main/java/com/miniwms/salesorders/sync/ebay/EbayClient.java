package com.miniwms.salesorders.sync.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.sync.ChannelPage;
import com.miniwms.salesorders.sync.FetchWindow;
import com.miniwms.salesorders.sync.JsonFields;
import com.miniwms.salesorders.sync.MarketplaceClient;
import com.miniwms.salesorders.sync.MarketplaceException;
import com.miniwms.salesorders.sync.PulledOrder;
import com.miniwms.salesorders.sync.http.RetryingHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * eBay's Sell Fulfillment API {@code getOrders}: orders whose last modification falls in the window
 * ({@code lastmodifieddate:[from..to]}, brackets percent-encoded), 200 per page by offset; the cursor is the next
 * offset. Offsets over a live set can repeat orders, which the idempotent import absorbs; the overlap of the next
 * run covers what they may skip.
 */
public final class EbayClient implements MarketplaceClient {
    static final int PAGE_SIZE = 200;
    private static final DateTimeFormatter EBAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final URI apiBaseUrl;
    private final EbayTokenSource tokens;
    private final RetryingHttp http;

    public EbayClient(URI apiBaseUrl, EbayTokenSource tokens, RetryingHttp http) {
        this.apiBaseUrl = apiBaseUrl;
        this.tokens = tokens;
        this.http = http;
    }

    static String filter(FetchWindow window) {
        return "lastmodifieddate:%5B" + EBAY_TIME.format(window.from()) + ".." + EBAY_TIME.format(window.to()) + "%5D";
    }

    @Override
    public ChannelPage fetch(FetchWindow window, String cursor) {
        int offset = 0;
        if (cursor != null) {
            try {
                offset = Integer.parseInt(cursor);
            } catch (NumberFormatException e) {
                throw new MarketplaceException("the saved eBay page offset is not a number");
            }
        }
        URI uri = URI.create(apiBaseUrl.toString().replaceAll("/+$", "") + "/sell/fulfillment/v1/order?filter="
                + filter(window) + "&limit=" + PAGE_SIZE + "&offset=" + offset);
        HttpResponse<String> response = get(uri);
        if (response.statusCode() == 401 && tokens.canRefresh()) {
            tokens.invalidate();
            response = get(uri);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new MarketplaceException(tokens.canRefresh()
                    ? "eBay refused the refreshed access token (HTTP " + response.statusCode() + ")"
                    : "The eBay access token has expired or was revoked (HTTP " + response.statusCode() + "); enter"
                    + " a new one, or the client id, client secret and refresh token so it renews itself",
                    true, null);
        }
        if (response.statusCode() >= 300) {
            throw new MarketplaceException("eBay getOrders answered HTTP " + response.statusCode());
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new MarketplaceException("eBay answered with a body that is not JSON");
        }
        List<PulledOrder> orders = new ArrayList<>();
        for (JsonNode order : body.path("orders")) {
            String id = JsonFields.text(order, "orderId");
            Instant updated = null;
            try {
                updated = JsonFields.instant(order, "lastModifiedDate");
                orders.add(PulledOrder.of(EbayOrderMapper.map(order)));
            } catch (RuntimeException e) {
                orders.add(PulledOrder.malformed(id, updated, "cannot be read: " + e.getMessage()));
            }
        }
        boolean more = body.hasNonNull("next") && body.path("orders").size() > 0;
        return new ChannelPage(orders, more ? Integer.toString(offset + body.path("orders").size()) : null);
    }

    private HttpResponse<String> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokens.get())
                .GET().build();
        return http.send(request, "eBay getOrders");
    }
}
