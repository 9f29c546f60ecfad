package com.miniwms.salesorders.sync.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.domain.Totals;
import com.miniwms.salesorders.sync.ChannelLine;
import com.miniwms.salesorders.sync.ChannelOrder;
import com.miniwms.salesorders.sync.JsonFields;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps a Shopify {@code Order} node (and its line-item nodes) to a {@link ChannelOrder}. */
public final class ShopifyOrderMapper {
    private ShopifyOrderMapper() {
    }

    public static ChannelOrder map(JsonNode order, List<JsonNode> lineNodes) {
        String name = text(order, "name");
        JsonNode address = order.path("shippingAddress");
        String customer = text(order.path("customer"), "displayName");
        ShipTo shipTo;
        if (address.isObject()) {
            shipTo = new ShipTo(firstOf(text(address, "name"), customer, "Shopify order " + name),
                    text(address, "address1"), text(address, "address2"), null, text(address, "city"),
                    text(address, "provinceCode"), text(address, "zip"), text(address, "countryCodeV2"),
                    text(address, "phone"), text(order, "email"));
        } else {
            // No shipping address (a digital order, or no access to protected customer data): import it anyway.
            shipTo = new ShipTo(firstOf(customer, "Shopify order " + name), null, null, null, null, null, null,
                    null, null, text(order, "email"));
        }
        List<ChannelLine> lines = new ArrayList<>();
        for (JsonNode line : lineNodes) {
            JsonNode quantity = line.has("currentQuantity") && !line.get("currentQuantity").isNull()
                    ? line.get("currentQuantity") : line.path("quantity");
            if (!quantity.isInt()) {
                throw new IllegalArgumentException("line " + text(line, "id") + " has no whole quantity");
            }
            lines.add(new ChannelLine(text(line, "id"), text(line, "sku"), text(line, "title"), quantity.intValue(),
                    money(line.path("originalUnitPriceSet"))));
        }
        Instant cancelledAt = instant(order, "cancelledAt");
        return new ChannelOrder(text(order, "id"), name, instant(order, "createdAt"), instant(order, "updatedAt"),
                cancelledAt != null, text(order, "cancelReason"), shipTo, text(order, "currencyCode"),
                new Totals(null, money(order.path("totalShippingPriceSet")), money(order.path("totalTaxSet")),
                        money(order.path("totalDiscountsSet")), money(order.path("totalPriceSet"))),
                lines);
    }

    /** A {@code MoneyBag}'s shop amount: a decimal string, read exactly. */
    static BigDecimal money(JsonNode moneyBag) {
        return JsonFields.decimal(moneyBag.path("shopMoney").path("amount"), "money amount");
    }

    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    /** The first value that is neither null nor blank (Shopify sends empty strings for unset names). */
    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
