package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.domain.Totals;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static com.miniwms.salesorders.storage.TableKeys.*;

/**
 * Sales order to DynamoDB item and back. Money is stored as strings so "9.90" stays "9.90"
 * (DynamoDB numbers drop trailing zeros).
 */
final class OrderItemMapper {

    private OrderItemMapper() {
    }

    static Map<String, AttributeValue> toItem(SalesOrder order) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(orderPk(order.orderNumber())));
        item.put(SK, s(ORDER_SK));
        putS(item, "orderNumber", order.orderNumber());
        putS(item, "channel", order.channel().name());
        putS(item, "channelConnectionId", order.channelConnectionId());
        putS(item, "externalOrderId", order.externalOrderId());
        putS(item, "status", order.status().name());
        putS(item, "statusReason", order.statusReason());
        putS(item, "wave", order.wave());
        putS(item, "orderDate", order.orderDate().toString());
        item.put("shipTo", AttributeValue.fromM(shipTo(order.shipTo())));
        putS(item, "shipToName", order.shipTo().name());
        putS(item, "currency", order.currency());
        if (order.totals() != null) {
            item.put("totals", AttributeValue.fromM(totals(order.totals())));
        }
        putS(item, "notes", order.notes());
        item.put("lines", AttributeValue.fromL(order.lines().stream().map(OrderItemMapper::line).toList()));
        item.put("lineCount", n(order.lineCount()));
        item.put("version", n(order.version()));
        putS(item, "createdAt", order.createdAt().toString());
        putS(item, "createdBy", order.createdBy());
        putS(item, "updatedAt", order.updatedAt().toString());
        putS(item, "updatedBy", order.updatedBy());

        item.put(STATUS_KEY, s(order.status().name()));
        item.put(CHANNEL_KEY, s(order.channel().name()));
        item.put(LIST_KEY, s(ALL_ORDERS));
        item.put(DATE_KEY, s(dateKey(order.orderDate().toString(), order.orderNumber())));
        item.put(NUMBER_KEY, s(order.orderNumber()));
        item.put(NAME_KEY, s(nameKey(order.shipTo().name(), order.orderNumber())));
        return item;
    }

    static SalesOrder fromItem(Map<String, AttributeValue> item) {
        return new SalesOrder(
                str(item, "orderNumber"),
                Channel.valueOf(str(item, "channel")),
                str(item, "channelConnectionId"),
                str(item, "externalOrderId"),
                OrderStatus.valueOf(str(item, "status")),
                str(item, "statusReason"),
                str(item, "wave"),
                LocalDate.parse(str(item, "orderDate")),
                shipTo(item.get("shipTo").m()),
                str(item, "currency"),
                item.containsKey("totals") ? totals(item.get("totals").m()) : null,
                str(item, "notes"),
                item.get("lines").l().stream().map(v -> line(v.m())).toList(),
                Long.parseLong(item.get("version").n()),
                Instant.parse(str(item, "createdAt")),
                str(item, "createdBy"),
                Instant.parse(str(item, "updatedAt")),
                str(item, "updatedBy"));
    }

    static OrderSummary summaryFromItem(Map<String, AttributeValue> item) {
        return new OrderSummary(
                str(item, "orderNumber"),
                Channel.valueOf(str(item, "channel")),
                OrderStatus.valueOf(str(item, "status")),
                str(item, "wave"),
                LocalDate.parse(str(item, "orderDate")),
                str(item, "shipToName"),
                Integer.parseInt(item.get("lineCount").n()),
                Instant.parse(str(item, "createdAt")),
                Long.parseLong(item.get("version").n()));
    }

    private static Map<String, AttributeValue> shipTo(ShipTo shipTo) {
        Map<String, AttributeValue> m = new HashMap<>();
        putS(m, "name", shipTo.name());
        putS(m, "address1", shipTo.address1());
        putS(m, "address2", shipTo.address2());
        putS(m, "address3", shipTo.address3());
        putS(m, "city", shipTo.city());
        putS(m, "state", shipTo.state());
        putS(m, "postcode", shipTo.postcode());
        putS(m, "country", shipTo.country());
        putS(m, "phone", shipTo.phone());
        putS(m, "email", shipTo.email());
        return m;
    }

    private static ShipTo shipTo(Map<String, AttributeValue> m) {
        return new ShipTo(str(m, "name"), str(m, "address1"), str(m, "address2"), str(m, "address3"),
                str(m, "city"), str(m, "state"), str(m, "postcode"), str(m, "country"), str(m, "phone"),
                str(m, "email"));
    }

    private static Map<String, AttributeValue> totals(Totals totals) {
        Map<String, AttributeValue> m = new HashMap<>();
        putMoney(m, "subtotal", totals.subtotal());
        putMoney(m, "shipping", totals.shipping());
        putMoney(m, "tax", totals.tax());
        putMoney(m, "discount", totals.discount());
        putMoney(m, "total", totals.total());
        return m;
    }

    private static Totals totals(Map<String, AttributeValue> m) {
        return new Totals(money(m, "subtotal"), money(m, "shipping"), money(m, "tax"), money(m, "discount"),
                money(m, "total"));
    }

    private static AttributeValue line(OrderLine line) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("lineNumber", n(line.lineNumber()));
        putS(m, "sku", line.sku());
        putS(m, "description", line.description());
        m.put("quantityOrdered", n(line.quantityOrdered()));
        m.put("quantityAllocated", n(line.quantityAllocated()));
        m.put("quantityPicked", n(line.quantityPicked()));
        m.put("quantityShort", n(line.quantityShort()));
        putMoney(m, "unitPrice", line.unitPrice());
        return AttributeValue.fromM(m);
    }

    private static OrderLine line(Map<String, AttributeValue> m) {
        return new OrderLine(
                Integer.parseInt(m.get("lineNumber").n()),
                str(m, "sku"),
                str(m, "description"),
                Integer.parseInt(m.get("quantityOrdered").n()),
                Integer.parseInt(m.get("quantityAllocated").n()),
                Integer.parseInt(m.get("quantityPicked").n()),
                Integer.parseInt(m.get("quantityShort").n()),
                money(m, "unitPrice"));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void putS(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, s(value));
        }
    }

    private static void putMoney(Map<String, AttributeValue> m, String name, BigDecimal value) {
        if (value != null) {
            m.put(name, s(value.toPlainString()));
        }
    }

    static String str(Map<String, AttributeValue> m, String name) {
        AttributeValue value = m.get(name);
        return value == null ? null : value.s();
    }

    private static BigDecimal money(Map<String, AttributeValue> m, String name) {
        String value = str(m, name);
        return value == null ? null : new BigDecimal(value);
    }
}
