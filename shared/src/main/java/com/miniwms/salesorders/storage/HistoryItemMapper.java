package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.history.ChangeAction;
import com.miniwms.salesorders.history.ChangeSource;
import com.miniwms.salesorders.history.FieldChange;
import com.miniwms.salesorders.history.OrderHistoryEntry;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static com.miniwms.salesorders.storage.OrderItemMapper.n;
import static com.miniwms.salesorders.storage.OrderItemMapper.s;
import static com.miniwms.salesorders.storage.OrderItemMapper.str;
import static com.miniwms.salesorders.storage.TableKeys.PK;
import static com.miniwms.salesorders.storage.TableKeys.SK;
import static com.miniwms.salesorders.storage.TableKeys.historyPk;

/**
 * History entry to DynamoDB item and back. Key: {@code HISTORY#<orderNumber>} and
 * {@code CHANGE#<epoch millis, 13 digits>#<version, 10 digits>}, so a query sorts an order's changes by time (and
 * by version within one millisecond), across a delete and a re-creation of the same number. History items carry
 * no index attributes, so the list indexes hold orders alone. The table stream sees every history item inserted:
 * the order-events function turns them into events.
 */
public final class HistoryItemMapper {
    public static final String ITEM_TYPE = "HISTORY";
    static final Pattern SORT_KEY = Pattern.compile("CHANGE#\\d{13}#\\d{10}");

    private HistoryItemMapper() {
    }

    static String sortKey(OrderHistoryEntry entry) {
        return String.format("CHANGE#%013d#%010d", entry.at().toEpochMilli(), entry.version());
    }

    static Map<String, AttributeValue> toItem(OrderHistoryEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(historyPk(entry.orderNumber())));
        item.put(SK, s(sortKey(entry)));
        item.put("itemType", s(ITEM_TYPE));
        item.put("changeId", s(entry.changeId()));
        item.put("orderNumber", s(entry.orderNumber()));
        item.put("version", n(entry.version()));
        item.put("at", s(entry.at().toString()));
        item.put("changedBy", s(entry.changedBy()));
        item.put("source", s(entry.source().name()));
        item.put("action", s(entry.action().name()));
        item.put("channel", s(entry.channel().name()));
        if (entry.statusBefore() != null) {
            item.put("statusBefore", s(entry.statusBefore().name()));
        }
        if (entry.statusAfter() != null) {
            item.put("statusAfter", s(entry.statusAfter().name()));
        }
        item.put("changes", AttributeValue.fromL(entry.changes().stream().map(c -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("field", s(c.field()));
            if (c.oldValue() != null) {
                m.put("old", s(c.oldValue()));
            }
            if (c.newValue() != null) {
                m.put("new", s(c.newValue()));
            }
            return AttributeValue.fromM(m);
        }).toList()));
        return item;
    }

    /** Reads a history item (as stored, or as a stream image converted to SDK attribute values). */
    public static OrderHistoryEntry fromItem(Map<String, AttributeValue> item) {
        String before = str(item, "statusBefore");
        String after = str(item, "statusAfter");
        return new OrderHistoryEntry(
                str(item, "changeId"),
                str(item, "orderNumber"),
                Long.parseLong(item.get("version").n()),
                Instant.parse(str(item, "at")),
                str(item, "changedBy"),
                ChangeSource.valueOf(str(item, "source")),
                ChangeAction.valueOf(str(item, "action")),
                Channel.valueOf(str(item, "channel")),
                before == null ? null : OrderStatus.valueOf(before),
                after == null ? null : OrderStatus.valueOf(after),
                item.containsKey("changes") ? item.get("changes").l().stream()
                        .map(v -> new FieldChange(str(v.m(), "field"), str(v.m(), "old"), str(v.m(), "new")))
                        .toList() : java.util.List.of());
    }

    /** True for the key of a history item. */
    public static boolean isHistoryKey(String pk) {
        return pk != null && pk.startsWith(TableKeys.HISTORY_PREFIX);
    }
}
