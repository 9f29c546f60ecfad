package com.miniwms.salesorders.sync.amazon;

import java.net.URI;
import java.util.List;

/** What the Amazon client needs: the Selling Partner API host, marketplaces, page size and the FBA choice. */
public record AmazonSettings(URI apiBaseUrl, List<String> marketplaceIds, boolean importAmazonFulfilled,
                             int pageSize) {

    public AmazonSettings {
        marketplaceIds = List.copyOf(marketplaceIds);
        if (marketplaceIds.isEmpty()) {
            throw new IllegalArgumentException("at least one marketplace id is needed");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("Amazon pages hold 1 to 100 orders");
        }
    }
}
