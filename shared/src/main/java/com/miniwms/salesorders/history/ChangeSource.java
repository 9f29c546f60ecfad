package com.miniwms.salesorders.history;

/** Which way a change reached the service. */
public enum ChangeSource {
    /** The HTTP API (the screens, other WMS parts). */
    API,
    /** An uploaded Excel workbook. */
    IMPORT,
    /** A marketplace sync (Shopify, Amazon, eBay). */
    SYNC
}
