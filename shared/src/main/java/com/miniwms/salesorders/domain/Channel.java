package com.miniwms.salesorders.domain;

/** Where an order came from. Marketplace channels carry a connection and an external order id. */
public enum Channel {
    MANUAL(false),
    EXCEL(false),
    SHOPIFY(true),
    AMAZON(true),
    EBAY(true);

    private final boolean marketplace;

    Channel(boolean marketplace) {
        this.marketplace = marketplace;
    }

    public boolean isMarketplace() {
        return marketplace;
    }
}
