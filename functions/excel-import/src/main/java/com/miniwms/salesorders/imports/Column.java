package com.miniwms.salesorders.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of the two sheets. Both spellings of the original product are accepted (its documentation and its
 * sample workbook disagree), matched case-insensitively after trimming; the first name is the documented one.
 */
public enum Column {
    ORDER_NUMBER(Sheet.ORDERS, true, "so_num"),
    SHIP_TO_NAME(Sheet.ORDERS, true, "ship_to_name"),
    ADDRESS1(Sheet.ORDERS, false, "ship_addr1", "address_one"),
    ADDRESS2(Sheet.ORDERS, false, "ship_addr2", "address_two"),
    ADDRESS3(Sheet.ORDERS, false, "ship_addr3", "address_three"),
    CITY(Sheet.ORDERS, false, "ship_city", "city"),
    STATE(Sheet.ORDERS, false, "ship_state", "state"),
    POSTCODE(Sheet.ORDERS, false, "ship_zippostcode", "zip_postcode"),
    COUNTRY(Sheet.ORDERS, false, "country"),
    PHONE(Sheet.ORDERS, false, "ship_phone", "phone"),
    EMAIL(Sheet.ORDERS, false, "ship_email", "email"),
    ORDER_DATE(Sheet.ORDERS, false, "order_date", "date_added"),
    CURRENCY(Sheet.ORDERS, false, "currency"),
    NOTES(Sheet.ORDERS, false, "notes"),

    LINE_ORDER_NUMBER(Sheet.LINES, true, "so_num"),
    LINE_NUMBER(Sheet.LINES, true, "line_num", "line_number"),
    SKU(Sheet.LINES, true, "itm_num", "item_number"),
    QUANTITY(Sheet.LINES, true, "qty_ordered"),
    UNIT_PRICE(Sheet.LINES, false, "unit_price"),
    DESCRIPTION(Sheet.LINES, false, "item_description", "description");

    /** The two sheets, named exactly as the original product names them. */
    public enum Sheet {
        ORDERS("salesorder"), LINES("salesorderline");

        private final String sheetName;

        Sheet(String sheetName) {
            this.sheetName = sheetName;
        }

        public String sheetName() {
            return sheetName;
        }

        public static Sheet byName(String name) {
            String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            for (Sheet sheet : values()) {
                if (sheet.sheetName.equals(key)) {
                    return sheet;
                }
            }
            return null;
        }
    }

    private static final Map<String, Column> BY_NAME = index();

    private final Sheet sheet;
    private final boolean required;
    private final List<String> names;

    Column(Sheet sheet, boolean required, String... names) {
        this.sheet = sheet;
        this.required = required;
        this.names = List.of(names);
    }

    public Sheet sheet() {
        return sheet;
    }

    public boolean required() {
        return required;
    }

    /** The documented name first, then the other spelling. */
    public List<String> names() {
        return names;
    }

    public String documentedName() {
        return names.get(0);
    }

    /** The column a header cell names in the given sheet, or {@code null}. */
    public static Column of(Sheet sheet, String header) {
        if (header == null) {
            return null;
        }
        String key = header.strip().replaceAll("\\s+", "_").toLowerCase(Locale.ROOT);
        return BY_NAME.get(sheet.name() + ":" + key);
    }

    private static Map<String, Column> index() {
        Map<String, Column> index = new HashMap<>();
        for (Column column : values()) {
            for (String name : column.names) {
                index.put(column.sheet.name() + ":" + name.toLowerCase(Locale.ROOT), column);
            }
        }
        return Map.copyOf(index);
    }
}
