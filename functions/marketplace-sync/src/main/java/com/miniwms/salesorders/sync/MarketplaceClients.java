package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.channels.ChannelConnection;
import com.miniwms.salesorders.sync.http.RetryPolicy;
import com.miniwms.salesorders.sync.http.RetryingHttp;
import com.miniwms.salesorders.sync.http.Sleeper;
import com.miniwms.salesorders.sync.shopify.ShopifyClient;
import com.miniwms.salesorders.sync.shopify.ShopifySettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;

/** Builds the marketplace client of a connection from its settings and credentials. */
public final class MarketplaceClients {
    private final HttpClient http;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public MarketplaceClients(HttpClient http, RetryPolicy policy, Sleeper sleeper) {
        this.http = http;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /**
     * @throws MarketplaceException the connection's type or credentials cannot be used (the message says why)
     */
    public MarketplaceClient forConnection(ChannelConnection connection, Map<String, String> credentials) {
        RetryingHttp retrying = new RetryingHttp(http, policy, sleeper);
        return switch (connection.type()) {
            case SHOPIFY -> {
                String token = credentials.get("accessToken");
                if (token == null) {
                    throw new MarketplaceException("This Shopify connection has no access token; the client"
                            + " credentials grant is not supported yet", true, null);
                }
                yield new ShopifyClient(new ShopifySettings(URI.create(connection.setting("apiBaseUrl")),
                        connection.setting("apiVersion"), 100, 50), () -> token, retrying);
            }
            default -> throw new MarketplaceException(connection.type() + " sync is not available yet");
        };
    }
}
