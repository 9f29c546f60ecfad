package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.channels.ChannelConnection;
import com.miniwms.salesorders.sync.amazon.AmazonClient;
import com.miniwms.salesorders.sync.amazon.AmazonSettings;
import com.miniwms.salesorders.sync.amazon.LwaTokenSource;
import com.miniwms.salesorders.sync.ebay.EbayClient;
import com.miniwms.salesorders.sync.ebay.EbayTokenSource;
import com.miniwms.salesorders.sync.http.RetryPolicy;
import com.miniwms.salesorders.sync.http.RetryingHttp;
import com.miniwms.salesorders.sync.http.Sleeper;
import com.miniwms.salesorders.sync.http.TokenBucket;
import com.miniwms.salesorders.sync.shopify.ShopifyClient;
import com.miniwms.salesorders.sync.shopify.ShopifyClientCredentials;
import com.miniwms.salesorders.sync.shopify.ShopifySettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Builds the marketplace client of a connection from its settings and credentials. */
public final class MarketplaceClients {
    private final HttpClient http;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    public MarketplaceClients(HttpClient http, RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.http = http;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * @throws MarketplaceException the connection's type or credentials cannot be used (the message says why)
     */
    public MarketplaceClient forConnection(ChannelConnection connection, Map<String, String> credentials) {
        RetryingHttp retrying = new RetryingHttp(http, policy, sleeper);
        return switch (connection.type()) {
            case SHOPIFY -> {
                URI base = URI.create(connection.setting("apiBaseUrl"));
                String token = credentials.get("accessToken");
                Supplier<String> tokens = token != null ? () -> token
                        : new ShopifyClientCredentials(base, credentials.get("clientId"),
                        credentials.get("clientSecret"), retrying, clock);
                yield new ShopifyClient(new ShopifySettings(base, connection.setting("apiVersion"), 100, 50), tokens,
                        retrying);
            }
            case AMAZON -> {
                LwaTokenSource tokens = new LwaTokenSource(URI.create(connection.setting("tokenUrl")),
                        credentials.get("clientId"), credentials.get("clientSecret"), credentials.get("refreshToken"),
                        retrying, clock);
                @SuppressWarnings("unchecked")
                List<String> marketplaces = (List<String>) connection.settings().get("marketplaceIds");
                yield new AmazonClient(new AmazonSettings(URI.create(connection.setting("apiBaseUrl")), marketplaces,
                        Boolean.parseBoolean(connection.setting("importAmazonFulfilled")), 100), tokens, retrying,
                        TokenBucket.amazonSearchOrders(clock, sleeper));
            }
            case EBAY -> {
                EbayTokenSource tokens = credentials.containsKey("refreshToken")
                        ? EbayTokenSource.refreshing(URI.create(connection.setting("tokenUrl")),
                        credentials.get("clientId"), credentials.get("clientSecret"), credentials.get("refreshToken"),
                        retrying, clock)
                        : EbayTokenSource.fixed(credentials.get("accessToken"));
                yield new EbayClient(URI.create(connection.setting("apiBaseUrl")), tokens, retrying);
            }
            default -> throw new MarketplaceException(connection.type() + " is not a marketplace");
        };
    }
}
