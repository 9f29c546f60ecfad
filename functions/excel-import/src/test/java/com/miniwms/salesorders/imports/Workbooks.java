package com.miniwms.salesorders.imports;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small workbooks for tests, in either format. */
final class Workbooks {
    /** A formula cell with its cached result computed by POI. */
    record Formula(String formula) {
    }

    /** A cell with a style but no value (formatted but empty). */
    record Formatted() {
    }

    static final String[] SAMPLE_HEADERS = {"so_num", "ship_to_name", "address_one", "address_two", "address_three",
            "city", "state", "zip_postcode", "country", "phone", "email"};
    static final String[] SAMPLE_LINE_HEADERS = {"so_num", "line_number", "item_Number", "qty_ordered"};

    private final boolean xls;
    private final Map<String, List<Object[]>> sheets = new LinkedHashMap<>();

    private Workbooks(boolean xls) {
        this.xls = xls;
    }

    static Workbooks xlsx() {
        return new Workbooks(false);
    }

    static Workbooks xls() {
        return new Workbooks(true);
    }

    /** Both sheets with the sample workbook's column names and no rows. */
    static Workbooks standard(boolean xls) {
        return new Workbooks(xls).rows("salesorder", (Object[]) SAMPLE_HEADERS)
                .rows("salesorderline", (Object[]) SAMPLE_LINE_HEADERS);
    }

    Workbooks rows(String sheet, Object... row) {
        sheets.computeIfAbsent(sheet, s -> new ArrayList<>()).add(row);
        return this;
    }

    Workbooks order(String number, String name) {
        return rows("salesorder", number, name, "1 Main St", null, null, "London", null, "SW1A 1AA", "UK",
                "020 7946 0000", "a@example.com");
    }

    Workbooks line(String number, Object lineNumber, Object sku, Object quantity) {
        return rows("salesorderline", number, lineNumber, sku, quantity);
    }

    Path write(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (Workbook wb = xls ? new HSSFWorkbook() : new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle filled = wb.createCellStyle();
            filled.setFillForegroundColor((short) 13);
            filled.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            for (Map.Entry<String, List<Object[]>> entry : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(entry.getKey());
                int r = 0;
                for (Object[] values : entry.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.length; c++) {
                        Object v = values[c];
                        if (v == null) {
                            continue;
                        }
                        org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                        switch (v) {
                            case String s -> cell.setCellValue(s);
                            case Number n -> cell.setCellValue(n.doubleValue());
                            case Boolean b -> cell.setCellValue(b);
                            case LocalDate d -> {
                                cell.setCellValue(d);
                                cell.setCellStyle(date);
                            }
                            case Formula f -> cell.setCellFormula(f.formula());
                            case Formatted f -> cell.setCellStyle(filled);
                            default -> throw new IllegalArgumentException("cell value " + v);
                        }
                    }
                }
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        return file;
    }
}
