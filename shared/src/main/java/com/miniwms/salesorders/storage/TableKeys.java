package com.miniwms.salesorders.storage;

import java.util.Locale;

/**
 * The single-table layout. Orders are one item each (header and lines together); guard items make external
 * order ids unique per connection; idempotency records and the order-number sequence live beside them.
 * Only order items carry the index attributes, so the indexes hold orders alone.
 */
final class TableKeys {
    static final String PK = "pk";
    static final String SK = "sk";

    static final String ORDER_SK = "ORDER";
    static final String GUARD_SK = "GUARD";
    static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    static final String SEQUENCE_PK = "SEQUENCE#ORDER_NUMBER";
    static final String SEQUENCE_SK = "SEQUENCE";

    /** Index attributes (see template.yaml): one partition per status and per channel, one for all orders. */
    static final String STATUS_KEY = "statusKey";
    static final String CHANNEL_KEY = "channelKey";
    static final String LIST_KEY = "listKey";
    static final String DATE_KEY = "dateKey";
    static final String NUMBER_KEY = "numberKey";
    static final String NAME_KEY = "nameKey";
    static final String ALL_ORDERS = "ORDER";

    static final String BY_STATUS = "ByStatus";
    static final String BY_CHANNEL = "ByChannel";
    static final String BY_DATE = "ByDate";
    static final String BY_NUMBER = "ByNumber";
    static final String BY_SHIP_TO_NAME = "ByShipToName";

    private TableKeys() {
    }

    static String orderPk(String orderNumber) {
        return "ORDER#" + orderNumber;
    }

    static String guardPk(String connectionId, String externalOrderId) {
        return "EXTERNAL#" + connectionId.length() + "#" + connectionId + "#" + externalOrderId;
    }

    /** History entries: one partition per order number, sorted by time then version (see HistoryItemMapper). */
    static final String HISTORY_PREFIX = "HISTORY#";

    static String historyPk(String orderNumber) {
        return HISTORY_PREFIX + orderNumber;
    }

    static String idempotencyPk(String scopedKey) {
        return "IDEMPOTENCY#" + scopedKey;
    }

    static String dateKey(String isoDate, String orderNumber) {
        return isoDate + "#" + orderNumber;
    }

    static String nameKey(String shipToName, String orderNumber) {
        return searchText(shipToName) + "#" + orderNumber;
    }

    /** Case- and space-insensitive form used by the ship-to-name search. */
    static String searchText(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
