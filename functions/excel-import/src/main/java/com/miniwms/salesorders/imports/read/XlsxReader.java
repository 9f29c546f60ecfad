package com.miniwms.salesorders.imports.read;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the sheets of an .xlsx workbook: sheet XML is read with a StAX cursor, one row at a time, so memory
 * holds the shared strings and one row, never the sheet. DTDs are not processed (no XML bombs) and POI's zip
 * checks refuse entries that inflate suspiciously (zip bombs).
 */
public final class XlsxReader {
    /** Largest uncompressed part (sheet XML); a 200,000-row sheet of ten columns is well below it. */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    /** Smallest compressed-to-uncompressed ratio accepted; POI's default, stated here on purpose. */
    static final double MIN_INFLATE_RATIO = 0.01;

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private XlsxReader() {
    }

    public static void read(Path file, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = date1904(reader);
            List<String> strings = null;
            StylesTable styles = null;
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (!sink.wants(name)) {
                        continue;
                    }
                    if (strings == null) {
                        strings = sharedStrings(reader);
                        styles = reader.getStylesTable();
                    }
                    new SheetParser(name, strings, DateStyles.of(styles), date1904, sink).parse(sheet);
                }
            }
        } catch (BadWorkbookException e) {
            throw e;
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
            throw translate(e);
        }
    }

    private static BadWorkbookException translate(Exception e) {
        String message = String.valueOf(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the max")) {
                return new BadWorkbookException("The workbook was refused: it inflates far beyond its size (a zip"
                        + " bomb) or holds a part larger than " + (MAX_ENTRY_BYTES >> 20) + " MB", e);
            }
            if (m.contains("DOCTYPE") || m.contains("DTD") || m.contains("entity") || m.contains("Entity")) {
                return new BadWorkbookException("The workbook was refused: its XML declares a DTD or entities"
                        + " (possible XML bomb), which Excel never writes", e);
            }
        }
        return new BadWorkbookException("The .xlsx workbook is damaged and cannot be read (" + message + ")", e);
    }

    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        String local = xml.getLocalName();
                        if (local.equals("workbookPr")) {
                            String value = xml.getAttributeValue(null, "date1904");
                            return "1".equals(value) || "true".equalsIgnoreCase(value);
                        }
                        if (local.equals("sheets")) {
                            return false;
                        }
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        }
    }

    /** Which cell styles format numbers as dates, decided once per style. */
    private static final class DateStyles {
        private final StylesTable styles;
        private byte[] known = new byte[64];

        private DateStyles(StylesTable styles) {
            this.styles = styles;
        }

        static DateStyles of(StylesTable styles) {
            return new DateStyles(styles);
        }

        boolean isDate(int styleIndex) {
            if (styles == null || styleIndex <= 0) {
                return false;
            }
            if (styleIndex >= known.length) {
                known = Arrays.copyOf(known, Math.max(styleIndex + 1, known.length * 2));
            }
            if (known[styleIndex] == 0) {
                boolean date = false;
                if (styleIndex < styles.getNumCellStyles()) {
                    XSSFCellStyle style = styles.getStyleAt(styleIndex);
                    date = style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
                }
                known[styleIndex] = (byte) (date ? 1 : 2);
            }
            return known[styleIndex] == 1;
        }
    }

    /** One sheet's XML, row by row. */
    private static final class SheetParser {
        private final String sheetName;
        private final List<String> strings;
        private final DateStyles dates;
        private final boolean date1904;
        private final RowSink sink;
        private final List<Cell> row = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        SheetParser(String sheetName, List<String> strings, DateStyles dates, boolean date1904,
                    RowSink sink) {
            this.sheetName = sheetName;
            this.strings = strings;
            this.dates = dates;
            this.date1904 = date1904;
            this.sink = sink;
        }

        void parse(InputStream in) throws XMLStreamException {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                int rowNumber = 0;
                int nextColumn = 0;
                boolean any = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String local = xml.getLocalName();
                        if (local.equals("c")) {
                            String ref = xml.getAttributeValue(null, "r");
                            int column = ref == null ? nextColumn : column(ref);
                            Cell cell = cell(xml);
                            if (cell != null) {
                                while (row.size() <= column) {
                                    row.add(null);
                                }
                                row.set(column, cell);
                                any = true;
                            }
                            nextColumn = column + 1;
                        } else if (local.equals("row")) {
                            String r = xml.getAttributeValue(null, "r");
                            rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                            nextColumn = 0;
                            row.clear();
                            any = false;
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                        if (any) {
                            sink.row(sheetName, rowNumber, row.toArray(new Cell[0]));
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }

        /** Reads one {@code <c>} element to its end; {@code null} for a cell without a value. */
        private Cell cell(XMLStreamReader xml) throws XMLStreamException {
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
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
                        inline = inlineString(xml);
                        depth--;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (type == null || type.equals("n")) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                boolean date = style != null && dates.isDate(Integer.parseInt(style));
                if (date && date1904) {
                    // Stored as days since 1904; the reader reports every date in the 1900 system.
                    value = new java.math.BigDecimal(value).add(java.math.BigDecimal.valueOf(1462)).toPlainString();
                }
                return Cell.number(Cell.plain(value), date);
            }
            return switch (type) {
                case "s" -> value == null ? null : Cell.text(sharedString(Integer.parseInt(value)));
                case "inlineStr" -> inline == null ? null : Cell.text(inline);
                case "str" -> value == null ? null : Cell.text(value);
                case "b" -> value == null ? null : new Cell(Cell.Kind.BOOLEAN, "1".equals(value) ? "TRUE" : "FALSE",
                        false);
                case "e" -> new Cell(Cell.Kind.ERROR, value == null ? "#ERROR" : value, false);
                case "d" -> value == null ? null : Cell.text(value);
                default -> value == null ? null : Cell.text(value);
            };
        }

        private String sharedString(int index) {
            if (index < 0 || index >= strings.size()) {
                throw new BadWorkbookException("The .xlsx workbook is damaged: sheet '" + sheetName
                        + "' refers to shared string " + index + ", which does not exist");
            }
            return strings.get(index);
        }

        /** The text of {@code <is>}: plain {@code <t>} or rich-text runs, without phonetic runs. */
        private String inlineString(XMLStreamReader xml) throws XMLStreamException {
            return richText(xml, text);
        }
    }

    /**
     * The shared strings as plain text, read once with StAX (POI's table builds a rich-text object on every
     * look-up, which dominates reading time).
     */
    private static List<String> sharedStrings(XSSFReader reader) throws IOException, OpenXML4JException,
            XMLStreamException {
        List<String> strings = new ArrayList<>();
        InputStream data;
        try {
            data = reader.getSharedStringsData();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            return strings;
        }
        if (data == null) {
            return strings;
        }
        try (InputStream in = data) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            StringBuilder text = new StringBuilder();
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                        strings.add(richText(xml, text));
                    }
                }
            } finally {
                xml.close();
            }
        }
        return strings;
    }

    /** The text of the element just started ({@code <is>} or {@code <si>}): plain or rich-text runs, no phonetics. */
    private static String richText(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
            text.setLength(0);
            int depth = 1;
            boolean phonetic = false;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = xml.getLocalName();
                    if (local.equals("rPh")) {
                        phonetic = true;
                        depth++;
                    } else if (local.equals("t") && !phonetic) {
                        text.append(xml.getElementText());
                    } else {
                        depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("rPh")) {
                        phonetic = false;
                    }
                    depth--;
                }
            }
            return text.toString();
        }

        /** 0-based column of a reference such as {@code AB12}. */
        static int column(String ref) {
            int column = 0;
            for (int i = 0; i < ref.length(); i++) {
                char c = ref.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
}
