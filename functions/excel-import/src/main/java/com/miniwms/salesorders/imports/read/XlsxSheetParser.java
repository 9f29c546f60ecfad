package com.miniwms.salesorders.imports.read;

import org.codehaus.stax2.XMLStreamReader2;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Arrays;

/** One sheet's XML, row by row: the cells of a row are gathered, then handed to the sink. */
final class XlsxSheetParser {
    private static final BigDecimal DAYS_1900_TO_1904 = BigDecimal.valueOf(1462);

    private final String sheetName;
    private final SharedStrings strings;
    private final DateStyles dates;
    private final boolean date1904;
    private final RowSink sink;
    private final CellAttributes attributes = new CellAttributes();
    private final StringBuilder runs = new StringBuilder();
    /** The row being read, by column; only the first {@link #width} entries are in use. */
    private Cell[] cells = new Cell[16];
    private int width;

    XlsxSheetParser(String sheetName, SharedStrings strings, DateStyles dates, boolean date1904, RowSink sink) {
        this.sheetName = sheetName;
        this.strings = strings;
        this.dates = dates;
        this.date1904 = date1904;
        this.sink = sink;
    }

    void parse(InputStream in) throws XMLStreamException {
        XMLStreamReader2 xml = XmlParts.open(in);
        try {
            int rowNumber = 0;
            int nextColumn = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = xml.getLocalName();
                    if (local.equals("c")) {
                        attributes.read(xml);
                        int column = attributes.column(nextColumn);
                        if (column < 0) {
                            throw new BadWorkbookException("The .xlsx workbook is damaged: sheet '" + sheetName
                                    + "' has a cell in row " + rowNumber + " whose reference names no column of a"
                                    + " worksheet");
                        }
                        put(column, cell(xml));
                        nextColumn = column + 1;
                    } else if (local.equals("row")) {
                        int r = xml.getAttributeIndex(null, "r");
                        rowNumber = r < 0 ? rowNumber + 1 : xml.getAttributeAsInt(r);
                        nextColumn = 0;
                        clearRow();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                    if (width > 0) {
                        sink.row(sheetName, rowNumber, Arrays.copyOf(cells, width));
                    }
                    clearRow();
                }
            }
        } finally {
            xml.close();
        }
    }

    private void put(int column, Cell cell) {
        if (cell == null) {
            return;
        }
        if (column >= cells.length) {
            cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
        }
        cells[column] = cell;
        width = Math.max(width, column + 1);
    }

    private void clearRow() {
        Arrays.fill(cells, 0, width, null);
        width = 0;
    }

    /** Reads one {@code <c>} element to its end; {@code null} for a cell without a value. */
    private Cell cell(XMLStreamReader2 xml) throws XMLStreamException {
        String value = null;
        String inline = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String local = xml.getLocalName();
                if (local.equals("v")) {
                    value = xml.getElementText();
                    depth--;
                } else if (local.equals("is")) {
                    inline = RichText.read(xml, runs);
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return switch (attributes.type()) {
            case NUMBER -> value == null || value.isEmpty() ? null : number(value);
            case SHARED_STRING -> value == null ? null : Cell.text(strings.get(sharedStringIndex(value), sheetName));
            case INLINE_STRING -> inline == null ? null : Cell.text(inline);
            case BOOLEAN -> value == null ? null : new Cell(Cell.Kind.BOOLEAN, "1".equals(value) ? "TRUE" : "FALSE",
                    false);
            case ERROR -> new Cell(Cell.Kind.ERROR, value == null ? "#ERROR" : value, false);
            case TEXT -> value == null ? null : Cell.text(value);
        };
    }

    private Cell number(String value) {
        int style = attributes.style();
        if (style < 0) {
            throw new BadWorkbookException("The .xlsx workbook is damaged: sheet '" + sheetName + "' has a cell"
                    + " whose style is not a number");
        }
        boolean date = dates.isDate(style);
        if (date && date1904) {
            // Stored as days since 1904; the reader reports every date in the 1900 system.
            value = new BigDecimal(value).add(DAYS_1900_TO_1904).toPlainString();
        }
        return Cell.numberOf(value, date);
    }

    private int sharedStringIndex(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadWorkbookException("The .xlsx workbook is damaged: sheet '" + sheetName + "' refers to shared"
                    + " string '" + value + "', which is not a number", e);
        }
    }
}
