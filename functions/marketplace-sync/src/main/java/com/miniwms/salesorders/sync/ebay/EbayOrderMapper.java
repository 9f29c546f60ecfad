package com.miniwms.salesorders.sync.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.domain.Money;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.domain.Totals;
import com.miniwms.salesorders.sync.ChannelLine;
import com.miniwms.salesorders.sync.ChannelOrder;
import com.miniwms.salesorders.sync.JsonFields;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static com.miniwms.salesorders.sync.JsonFields.firstOf;
import static com.miniwms.salesorders.sync.JsonFields.instant;
import static com.miniwms.salesorders.sync.JsonFields.text;

/** Maps an order of eBay's Sell Fulfillment API ({@code getOrders}) to a {@link ChannelOrder}. */
public final class EbayOrderMapper {
    private EbayOrderMapper() {
    }

    public static ChannelOrder map(JsonNode order) {
        String id = text(order, "orderId");
        JsonNode shipTo = order.path("fulfillmentStartInstructions").path(0).path("shippingStep").path("shipTo");
        JsonNode address = shipTo.path("contactAddress");
        String name = firstOf(text(shipTo, "fullName"), text(order.path("buyer"), "username"), "eBay order " + id);
        ShipTo to = new ShipTo(name, text(address, "addressLine1"), text(address, "addressLine2"), null,
                text(address, "city"), text(address, "stateOrProvince"), text(address, "postalCode"),
                text(address, "countryCode"), text(shipTo.path("primaryPhone"), "phoneNumber"), text(shipTo, "email"));
        List<ChannelLine> lines = new ArrayList<>();
        for (JsonNode item : order.path("lineItems")) {
            JsonNode quantity = item.path("quantity");
            if (!quantity.isInt()) {
                throw new IllegalArgumentException("line " + text(item, "lineItemId") + " has no whole quantity");
            }
            BigDecimal cost = amount(item.path("lineItemCost"));
            // lineItemCost is the unit price times the quantity.
            BigDecimal unit = cost == null || quantity.intValue() <= 0 ? null
                    : cost.divide(BigDecimal.valueOf(quantity.intValue()), Money.MAX_FRACTION_DIGITS,
                    RoundingMode.HALF_UP).stripTrailingZeros();
            lines.add(new ChannelLine(text(item, "lineItemId"), text(item, "sku"), text(item, "title"),
                    quantity.intValue(), unit == null || unit.scale() >= 2 ? unit : unit.setScale(2)));
        }
        JsonNode pricing = order.path("pricingSummary");
        BigDecimal discount = amount(pricing.path("priceDiscount"));
        Totals totals = new Totals(amount(pricing.path("priceSubtotal")), amount(pricing.path("deliveryCost")),
                amount(pricing.path("tax")), discount == null ? null : discount.abs(), amount(pricing.path("total")));
        JsonNode cancel = order.path("cancelStatus");
        boolean cancelled = "CANCELED".equals(cancel.path("cancelState").asText());
        String reason = cancelled ? firstOf(text(cancel.path("cancelRequests").path(0), "cancelReason"), null, null)
                : null;
        return new ChannelOrder(id, text(order, "salesRecordReference"), instant(order, "creationDate"),
                instant(order, "lastModifiedDate"), cancelled, reason, to,
                text(pricing.path("total"), "currency"), totals.hasNoValues() ? null : totals, lines);
    }

    /** An eBay {@code Amount}: {@code value} is a decimal string. */
    static BigDecimal amount(JsonNode amount) {
        return JsonFields.decimal(amount.path("value"), "amount");
    }
}
