package com.miniwms.salesorders.sync.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.domain.Totals;
import com.miniwms.salesorders.sync.ChannelLine;
import com.miniwms.salesorders.sync.ChannelOrder;
import com.miniwms.salesorders.sync.JsonFields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static com.miniwms.salesorders.sync.JsonFields.firstOf;
import static com.miniwms.salesorders.sync.JsonFields.instant;
import static com.miniwms.salesorders.sync.JsonFields.text;

/** Maps an order of the Orders API v2026-01-01 ({@code searchOrders} with included data) to a {@link ChannelOrder}. */
public final class AmazonOrderMapper {
    private AmazonOrderMapper() {
    }

    public static boolean fulfilledByAmazon(JsonNode order) {
        return "AMAZON".equals(order.path("fulfillment").path("fulfilledBy").asText());
    }

    public static ChannelOrder map(JsonNode order) {
        String id = text(order, "orderId");
        JsonNode address = order.path("recipient").path("deliveryAddress");
        String buyerName = text(order.path("buyer"), "buyerName");
        String email = text(order.path("buyer"), "buyerEmail");
        // Without the restricted role, orders come without an address: import them anyway.
        String name = firstOf(text(address, "name"), buyerName, "Amazon order " + id);
        ShipTo shipTo = new ShipTo(name, text(address, "addressLine1"), text(address, "addressLine2"),
                text(address, "addressLine3"), text(address, "city"), text(address, "stateOrRegion"),
                text(address, "postalCode"), text(address, "countryCode"), text(address, "phone"), email);
        List<ChannelLine> lines = new ArrayList<>();
        String currency = text(order.path("proceeds").path("grandTotal"), "currencyCode");
        String cancelReason = null;
        for (JsonNode item : order.path("orderItems")) {
            JsonNode quantity = item.path("quantityOrdered");
            if (!quantity.isInt()) {
                throw new IllegalArgumentException("item " + text(item, "orderItemId") + " has no whole quantity");
            }
            JsonNode product = item.path("product");
            JsonNode unitPrice = product.path("price").path("unitPrice");
            if (currency == null) {
                currency = text(unitPrice, "currencyCode");
            }
            lines.add(new ChannelLine(text(item, "orderItemId"), text(product, "sellerSku"), text(product, "title"),
                    quantity.intValue(), money(unitPrice)));
            JsonNode cancellation = item.path("cancellation");
            if (cancelReason == null && cancellation.isObject()) {
                cancelReason = firstOf(text(cancellation.path("cancellationRequest"), "cancelReason"),
                        text(cancellation.path("cancellationExecution"), "cancelReason"), null);
            }
        }
        boolean cancelled = "CANCELLED".equals(order.path("fulfillment").path("fulfillmentStatus").asText());
        BigDecimal total = money(order.path("proceeds").path("grandTotal"));
        return new ChannelOrder(id, firstAlias(order), instant(order, "createdTime"), instant(order, "lastUpdatedTime"),
                cancelled, cancelled ? cancelReason : null, shipTo, currency,
                total == null ? null : new Totals(null, null, null, null, total), lines);
    }

    private static String firstAlias(JsonNode order) {
        for (JsonNode alias : order.path("orderAliases")) {
            if ("SELLER_ORDER_ID".equals(alias.path("aliasType").asText())) {
                return text(alias, "aliasId");
            }
        }
        return null;
    }

    static BigDecimal money(JsonNode money) {
        return JsonFields.decimal(money.path("amount"), "money amount");
    }
}
