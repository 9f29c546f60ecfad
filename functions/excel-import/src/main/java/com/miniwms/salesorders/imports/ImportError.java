package com.miniwms.salesorders.imports;

/**
 * One problem found in a workbook, pointing at the cell a person has to fix.
 *
 * @param sheet   the sheet, or {@code null} for a problem with the whole file
 * @param row     1-based row as Excel shows it, or {@code null}
 * @param column  the column name as written in the file (or the expected name when it is missing), or {@code null}
 * @param value   the cell's value as read, or {@code null}
 * @param message what is wrong and how to fix it
 */
public record ImportError(String sheet, Integer row, String column, String value, String message) {

    public static ImportError file(String message) {
        return new ImportError(null, null, null, null, message);
    }
}
