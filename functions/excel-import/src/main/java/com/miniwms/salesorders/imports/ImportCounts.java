package com.miniwms.salesorders.imports;

/** What an import did, in orders (and the lines of the orders it created or replaced). */
public record ImportCounts(int ordersCreated, int ordersUpdated, int ordersUnchanged, int ordersRejected, int lines) {
    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);
}
