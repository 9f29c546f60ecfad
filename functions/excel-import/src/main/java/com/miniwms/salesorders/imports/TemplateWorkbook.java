package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.imports.Column.Sheet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The downloadable template: both sheets with their column names, one example order, and notes on every column. */
public final class TemplateWorkbook {
    private static final List<Object[]> ORDER = List.of(
            new Object[]{Column.ORDER_NUMBER, "SAL0001", "The order number: unique, letters, digits, '.', '_' or '-'"},
            new Object[]{Column.SHIP_TO_NAME, "Jane Smith", "Who the order ships to (required)"},
            new Object[]{Column.ADDRESS1, "1 High Street", "Address line 1"},
            new Object[]{Column.ADDRESS2, "Flat 2", "Address line 2"},
            new Object[]{Column.ADDRESS3, "", "Address line 3"},
            new Object[]{Column.CITY, "London", "City"},
            new Object[]{Column.STATE, "Greater London", "State or county"},
            new Object[]{Column.POSTCODE, "SW1A 1AA", "ZIP or postcode"},
            new Object[]{Column.COUNTRY, "GB", "Country: ISO code (GB, US) or a name such as UK or USA"},
            new Object[]{Column.PHONE, "+44 20 7946 0000", "Phone (text, so leading zeros stay)"},
            new Object[]{Column.EMAIL, "jane@example.com", "Email"},
            new Object[]{Column.ORDER_DATE, "2026-12-01", "Optional order date: an Excel date or YYYY-MM-DD; default"
                    + " the import date"},
            new Object[]{Column.CURRENCY, "GBP", "Optional ISO currency code; required when a line has a unit price"},
            new Object[]{Column.NOTES, "", "Optional notes for the warehouse"});
    private static final List<Object[]> LINE = List.of(
            new Object[]{Column.LINE_ORDER_NUMBER, "SAL0001", "The order number of the line's order (in sheet"
                    + " salesorder)"},
            new Object[]{Column.LINE_NUMBER, 1, "Line number: a whole number from 1, unique within the order"},
            new Object[]{Column.SKU, "1628437592043", "Item number (SKU), kept exactly as written"},
            new Object[]{Column.QUANTITY, 2, "Quantity ordered: a positive whole number"},
            new Object[]{Column.UNIT_PRICE, "9.90", "Optional unit price"},
            new Object[]{Column.DESCRIPTION, "Blue mug", "Optional item description"});

    private TemplateWorkbook() {
    }

    public static byte[] bytes() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            sheet(wb, Sheet.ORDERS.sheetName(), ORDER, bold, text);
            sheet(wb, Sheet.LINES.sheetName(), LINE, bold, text);
            XSSFSheet notes = wb.createSheet("notes");
            Row head = notes.createRow(0);
            String[] titles = {"sheet", "column", "also accepted", "required", "meaning"};
            for (int i = 0; i < titles.length; i++) {
                head.createCell(i).setCellValue(titles[i]);
                head.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (List<Object[]> columns : List.of(ORDER, LINE)) {
                for (Object[] c : columns) {
                    Column column = (Column) c[0];
                    Row row = notes.createRow(r++);
                    row.createCell(0).setCellValue(column.sheet().sheetName());
                    row.createCell(1).setCellValue(column.documentedName());
                    row.createCell(2).setCellValue(String.join(", ", column.names().subList(1, column.names().size())));
                    row.createCell(3).setCellValue(column.required() ? "yes" : "no");
                    row.createCell(4).setCellValue((String) c[2]);
                }
            }
            Row note = notes.createRow(r + 1);
            note.createCell(0).setCellValue("Row 1 of each sheet holds the column names (any case). Blank rows are"
                    + " skipped; other columns are ignored with a warning. An order with any problem is rejected"
                    + " whole; the others are imported.");
            for (int i = 0; i < titles.length; i++) {
                notes.autoSizeColumn(i);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook wb, String name, List<Object[]> columns, CellStyle bold, CellStyle text) {
        XSSFSheet sheet = wb.createSheet(name);
        Row head = sheet.createRow(0);
        Row example = sheet.createRow(1);
        for (int i = 0; i < columns.size(); i++) {
            Column column = (Column) columns.get(i)[0];
            head.createCell(i).setCellValue(column.documentedName());
            head.getCell(i).setCellStyle(bold);
            Object value = columns.get(i)[1];
            if (value instanceof Integer n) {
                example.createCell(i).setCellValue(n);
            } else if (!((String) value).isEmpty()) {
                example.createCell(i).setCellValue((String) value);
                example.getCell(i).setCellStyle(text);
            }
            sheet.setDefaultColumnStyle(i, text);
            sheet.setColumnWidth(i, 18 * 256);
        }
    }
}
