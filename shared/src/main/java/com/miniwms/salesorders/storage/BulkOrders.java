package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.SalesOrder;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The preconditions of {@link OrderRepository#createAll}. */
final class BulkOrders {
    private BulkOrders() {
    }

    static void requireCreatable(List<SalesOrder> orders) {
        Set<String> numbers = new HashSet<>();
        for (SalesOrder order : orders) {
            if (order.orderNumber() == null) {
                throw new IllegalArgumentException("Orders created together need their numbers");
            }
            if (order.externalOrderId() != null) {
                throw new IllegalArgumentException("Order " + order.orderNumber() + " has an external order id;"
                        + " create it on its own so the id's uniqueness is guarded");
            }
            if (!numbers.add(order.orderNumber())) {
                throw new IllegalArgumentException("Order " + order.orderNumber() + " is given twice");
            }
        }
    }
}
