package com.miniwms.salesorders.imports.read;

/**
 * One cell's value as stored in the file, before any coercion. Numbers keep their exact decimal text (never a
 * {@code double} printed in scientific notation); formula cells carry their cached result.
 *
 * @param kind what the cell holds
 * @param text the text, the number as plain decimal text, {@code TRUE}/{@code FALSE}, or the error code
 * @param dateFormatted whether a number cell is formatted as a date
 */
public record Cell(Kind kind, String text, boolean dateFormatted) {

    public enum Kind { TEXT, NUMBER, BOOLEAN, ERROR }

    /** Whole numbers below this, not formatted as dates, share one cell each: line sheets are full of them. */
    private static final int SMALL_WHOLE_NUMBERS = 1000;
    private static final Cell[] SMALL = new Cell[SMALL_WHOLE_NUMBERS];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new Cell(Kind.NUMBER, Integer.toString(i), false);
        }
    }

    public static Cell text(String text) {
        return new Cell(Kind.TEXT, text, false);
    }

    public static Cell number(String plainDecimal, boolean dateFormatted) {
        return new Cell(Kind.NUMBER, plainDecimal, dateFormatted);
    }

    /** A number cell from the number as written in .xlsx XML ({@code 5}, {@code 5.0}, {@code 1.628437592043E12}). */
    public static Cell numberOf(String raw, boolean dateFormatted) {
        int small = dateFormatted ? -1 : smallWholeNumber(raw);
        return small >= 0 ? SMALL[small] : number(plain(raw), dateFormatted);
    }

    /**
     * The value of {@code 7} or {@code 7.0} when below {@link #SMALL_WHOLE_NUMBERS}; -1 for anything else, a leading
     * zero too ({@code 07} stays as written).
     */
    private static int smallWholeNumber(String raw) {
        int value = 0;
        int i = 0;
        for (; i < raw.length() && raw.charAt(i) != '.'; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9' || (i > 0 && value == 0)) {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value >= SMALL_WHOLE_NUMBERS) {
                return -1;
            }
        }
        if (i == 0) {
            return -1;
        }
        for (int j = i + 1; j < raw.length(); j++) {
            if (raw.charAt(j) != '0') {
                return -1;
            }
        }
        return value;
    }

    /** Blank text, or nothing at all. */
    public static boolean isBlank(Cell cell) {
        return cell == null || cell.text == null || cell.text.isBlank();
    }

    /** A number from the .xls format: its shortest exact decimal form, without a trailing {@code .0}. */
    public static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A number as written in .xlsx XML ({@code 5}, {@code 5.0}, {@code 1.628437592043E12}) as plain decimal text. */
    public static String plain(String raw) {
        if (raw.indexOf('E') < 0 && raw.indexOf('e') < 0 && raw.indexOf('.') < 0) {
            return raw;
        }
        String simple = withoutTrailingZeros(raw);
        if (simple != null) {
            return simple;
        }
        try {
            java.math.BigDecimal value = new java.math.BigDecimal(raw).stripTrailingZeros();
            return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    /**
     * The common form {@code 5.0} or {@code 12.50} (digits, a point, digits; no sign, exponent or leading zero) without
     * its trailing zeros, as BigDecimal would give it but without the BigDecimal; {@code null} for any other form.
     */
    private static String withoutTrailingZeros(String raw) {
        int point = raw.indexOf('.');
        if (point <= 0 || (raw.charAt(0) == '0' && point > 1)) {
            return null;
        }
        int end = point;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (i == point) {
                continue;
            }
            if (c < '0' || c > '9') {
                return null;
            }
            if (i > point && c != '0') {
                end = i + 1;
            }
        }
        return raw.substring(0, end);
    }
}
