package com.miniwms.salesorders.sync.shopify;

import java.net.URI;

/**
 * What the Shopify client needs: the shop's base URL ({@code https://<shop>.myshopify.com}, or a stand-in), the Admin
 * API version, and page sizes (orders at most 250 per page).
 */
public record ShopifySettings(URI apiBaseUrl, String apiVersion, int pageSize, int linesPageSize) {
    public static final String DEFAULT_VERSION = "2026-07";

    public ShopifySettings {
        if (pageSize < 1 || pageSize > 250 || linesPageSize < 1 || linesPageSize > 250) {
            throw new IllegalArgumentException("Shopify pages hold 1 to 250 entries");
        }
        if (apiVersion == null || !apiVersion.matches("[0-9]{4}-[0-9]{2}|unstable")) {
            throw new IllegalArgumentException("apiVersion must look like 2026-07");
        }
    }

    public URI graphqlEndpoint() {
        String base = apiBaseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/admin/api/" + apiVersion + "/graphql.json");
    }
}
