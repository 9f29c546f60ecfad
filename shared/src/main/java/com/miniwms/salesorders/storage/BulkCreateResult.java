package com.miniwms.salesorders.storage;

import java.util.List;

/**
 * What {@link OrderRepository#createAll} did.
 *
 * @param created  numbers of the orders written
 * @param existing numbers of the orders left alone because an order with that number was there already
 */
public record BulkCreateResult(List<String> created, List<String> existing) {
    public BulkCreateResult {
        created = List.copyOf(created);
        existing = List.copyOf(existing);
    }
}
