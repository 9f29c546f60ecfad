package com.miniwms.salesorders.imports.read;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams the sheets of an .xlsx workbook: sheet XML is read with a StAX cursor, one row at a time, so memory
 * holds the shared strings and one row, never the sheet. DTDs are refused (no XML bombs, see {@link XmlParts}) and
 * POI's zip checks refuse entries that inflate suspiciously (zip bombs).
 */
public final class XlsxReader {
    /** Largest uncompressed part (sheet XML); a 200,000-row sheet of ten columns is well below it. */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    /** Smallest compressed-to-uncompressed ratio accepted; POI's default, stated here on purpose. */
    static final double MIN_INFLATE_RATIO = 0.01;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private XlsxReader() {
    }

    public static void read(Path file, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = date1904(reader);
            SharedStrings strings = null;
            DateStyles dates = null;
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (!sink.wants(name)) {
                        continue;
                    }
                    if (strings == null) {
                        strings = SharedStrings.read(reader);
                        dates = new DateStyles(reader.getStylesTable());
                    }
                    new XlsxSheetParser(name, strings, dates, date1904, sink).parse(sheet);
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
                return new BadWorkbookException(XmlParts.DTD_REFUSED, e);
            }
        }
        return new BadWorkbookException("The .xlsx workbook is damaged and cannot be read (" + message + ")", e);
    }

    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = XmlParts.open(in);
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
}
