package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.imports.Column.Sheet;
import com.miniwms.salesorders.imports.read.Cell;
import com.miniwms.salesorders.imports.read.RowSink;
import com.miniwms.salesorders.imports.read.WorkbookReader;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rejected rows of an import as a workbook of the import format: both sheets with their original column names
 * and an extra {@code error} column. A person fixes the rows and uploads the file again; the {@code error} column is
 * then ignored (with a warning). Written by reading the upload a second time, so only the rejected rows are held.
 */
public final class ReportWorkbook {
    public static final String ERROR_COLUMN = "error";

    private ReportWorkbook() {
    }

    public static void write(Path upload, ImportService.RejectedRows rejected, List<ImportError> errors,
                             OutputStream out) throws IOException {
        Map<Sheet, Map<Integer, List<String>>> messages = new EnumMap<>(Sheet.class);
        for (ImportError error : errors) {
            Sheet sheet = Sheet.byName(error.sheet());
            if (sheet == null || error.row() == null) {
                continue;
            }
            String text = (error.column() == null ? "" : error.column() + ": ")
                    + (error.value() == null ? "" : "'" + error.value() + "' ") + error.message();
            messages.computeIfAbsent(sheet, s -> new HashMap<>())
                    .computeIfAbsent(error.row(), r -> new ArrayList<>()).add(text);
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Map<Sheet, SXSSFSheet> sheets = new EnumMap<>(Sheet.class);
            Map<Sheet, Integer> nextRow = new EnumMap<>(Sheet.class);
            for (Sheet sheet : Sheet.values()) {
                sheets.put(sheet, workbook.createSheet(sheet.sheetName()));
                nextRow.put(sheet, 0);
            }
            WorkbookReader.read(upload, new RowSink() {
                private final Set<Sheet> seen = java.util.EnumSet.noneOf(Sheet.class);

                @Override
                public boolean wants(String sheetName) {
                    Sheet sheet = Sheet.byName(sheetName);
                    return sheet != null && seen.add(sheet);
                }

                @Override
                public void row(String sheetName, int rowNumber, Cell[] cells) {
                    Sheet sheet = Sheet.byName(sheetName);
                    int index = nextRow.get(sheet);
                    boolean header = index == 0;
                    Set<Integer> wanted = sheet == Sheet.ORDERS ? rejected.headerRows() : rejected.lineRows();
                    if (!header && !wanted.contains(rowNumber)) {
                        return;
                    }
                    Row row = sheets.get(sheet).createRow(index);
                    nextRow.put(sheet, index + 1);
                    for (int i = 0; i < cells.length; i++) {
                        Cell cell = cells[i];
                        if (Cell.isBlank(cell)) {
                            continue;
                        }
                        org.apache.poi.ss.usermodel.Cell target = row.createCell(i);
                        if (cell.kind() == Cell.Kind.NUMBER && isPlainNumber(cell.text())) {
                            target.setCellValue(Double.parseDouble(cell.text()));
                            if (cell.dateFormatted()) {
                                target.setCellStyle(dates);
                            }
                        } else {
                            target.setCellValue(cell.text());
                        }
                    }
                    String error = header ? ERROR_COLUMN
                            : String.join("; ", messages.getOrDefault(sheet, Map.of()).getOrDefault(rowNumber,
                            List.of("rejected with its order")));
                    row.createCell(Math.max(cells.length, 0)).setCellValue(error);
                }
            });
            workbook.write(out);
        }
    }

    /** Numbers that survive a round trip through a double (item numbers of up to 15 digits do). */
    private static boolean isPlainNumber(String text) {
        return text.length() <= 15;
    }
}
