package com.miniwms.salesorders.imports.read;

/** Receives a workbook's rows as they are read, one sheet after the other. */
public interface RowSink {

    /** Whether the rows of this sheet are wanted; the reader skips sheets nobody wants. */
    boolean wants(String sheetName);

    /**
     * One row that has at least one cell.
     *
     * @param sheetName the sheet
     * @param rowNumber 1-based, as Excel shows it
     * @param cells by 0-based column; {@code null} where a cell is missing
     */
    void row(String sheetName, int rowNumber, Cell[] cells);
}
