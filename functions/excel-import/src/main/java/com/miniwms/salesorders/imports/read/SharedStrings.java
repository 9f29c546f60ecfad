package com.miniwms.salesorders.imports.read;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared strings table as plain text, read once (POI's table builds a rich-text object on every look-up, which
 * dominates reading time).
 */
final class SharedStrings {
    private final List<String> strings;

    private SharedStrings(List<String> strings) {
        this.strings = strings;
    }

    static SharedStrings read(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        InputStream data;
        try {
            data = reader.getSharedStringsData();
        } catch (InvalidFormatException | RuntimeException e) {
            return new SharedStrings(strings);
        }
        if (data == null) {
            return new SharedStrings(strings);
        }
        try (InputStream in = data) {
            XMLStreamReader xml = XmlParts.open(in);
            StringBuilder runs = new StringBuilder();
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                        strings.add(RichText.read(xml, runs));
                    }
                }
            } finally {
                xml.close();
            }
        }
        return new SharedStrings(strings);
    }

    /** @throws BadWorkbookException when a sheet refers to a string that is not in the table */
    String get(int index, String sheetName) {
        if (index < 0 || index >= strings.size()) {
            throw new BadWorkbookException("The .xlsx workbook is damaged: sheet '" + sheetName
                    + "' refers to shared string " + index + ", which does not exist");
        }
        return strings.get(index);
    }
}
