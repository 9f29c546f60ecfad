package com.miniwms.salesorders.imports.read;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FilePassRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Streams the sheets of an old binary .xls workbook through POI's record events, one row at a time. */
public final class XlsReader {
    private XlsReader() {
    }

    public static void read(Path file, RowSink sink) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("_VBA_PROJECT_CUR")) {
                throw new BadWorkbookException("The workbook contains macros; save it without macros (as .xlsx)"
                        + " and upload it again");
            }
            if (!root.hasEntryCaseInsensitive("Workbook") && !root.hasEntryCaseInsensitive("Book")) {
                throw new BadWorkbookException("The file is an OLE2 document but not an Excel workbook");
            }
            Listener listener = new Listener(sink);
            FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(listener);
            listener.formats = formats;
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(formats);
            new HSSFEventFactory().processWorkbookEvents(request, fs);
            listener.flush();
        } catch (BadWorkbookException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new BadWorkbookException("The workbook is password-protected; remove the password and upload it"
                    + " again", e);
        } catch (IOException | RuntimeException e) {
            throw new BadWorkbookException("The .xls workbook is damaged and cannot be read (" + e.getMessage() + ")",
                    e);
        }
    }

    private static final class Listener implements HSSFListener {
        private final RowSink sink;
        private final List<String> sheetNames = new ArrayList<>();
        private FormatTrackingHSSFListener formats;
        private SSTRecord strings;
        private boolean date1904;
        private int sheetIndex = -1;
        private String sheet;
        private boolean wanted;
        private int rowIndex = -1;
        private final List<Cell> row = new ArrayList<>();
        private int pendingFormulaColumn = -1;
        private int pendingFormulaRow = -1;

        Listener(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void processRecord(Record record) {
            switch (record) {
                case FilePassRecord ignored -> throw new BadWorkbookException("The workbook is password-protected;"
                        + " remove the password and upload it again");
                case BoundSheetRecord bound -> sheetNames.add(bound.getSheetname());
                case DateWindow1904Record window -> date1904 = window.getWindowing() == 1;
                case SSTRecord sst -> strings = sst;
                case BOFRecord bof -> {
                    if (bof.getType() == BOFRecord.TYPE_WORKSHEET) {
                        sheetIndex++;
                        sheet = sheetIndex < sheetNames.size() ? sheetNames.get(sheetIndex) : "Sheet" + sheetIndex;
                        wanted = sink.wants(sheet);
                        rowIndex = -1;
                        row.clear();
                    }
                }
                case EOFRecord ignored -> flush();
                case LabelSSTRecord label -> put(label, Cell.text(strings.getString(label.getSSTIndex()).getString()));
                case LabelRecord label -> put(label, Cell.text(label.getValue()));
                case NumberRecord number -> put(number, number(number.getValue(), number));
                case BoolErrRecord boolErr -> put(boolErr, boolErr.isBoolean()
                        ? new Cell(Cell.Kind.BOOLEAN, boolErr.getBooleanValue() ? "TRUE" : "FALSE", false)
                        : new Cell(Cell.Kind.ERROR, FormulaError.forInt(boolErr.getErrorValue()).getString(), false));
                case FormulaRecord formula -> formula(formula);
                case StringRecord string -> {
                    if (pendingFormulaColumn >= 0) {
                        putAt(pendingFormulaRow, pendingFormulaColumn, Cell.text(string.getString()));
                        pendingFormulaColumn = -1;
                    }
                }
                default -> {
                }
            }
        }

        private void formula(FormulaRecord formula) {
            CellType type = CellType.forInt(formula.getCachedResultType());
            switch (type) {
                case STRING -> {
                    pendingFormulaColumn = formula.getColumn();
                    pendingFormulaRow = formula.getRow();
                }
                case BOOLEAN -> put(formula, new Cell(Cell.Kind.BOOLEAN,
                        formula.getCachedBooleanValue() ? "TRUE" : "FALSE", false));
                case ERROR -> put(formula, new Cell(Cell.Kind.ERROR,
                        FormulaError.forInt(formula.getCachedErrorValue()).getString(), false));
                default -> put(formula, number(formula.getValue(), formula));
            }
        }

        private Cell number(double value, CellValueRecordInterface record) {
            int formatIndex = formats.getFormatIndex(record);
            String format = formats.getFormatString(record);
            boolean date = DateUtil.isADateFormat(formatIndex, format);
            if (date && date1904) {
                // Stored as days since 1904; the reader reports every date in the 1900 system.
                value += 1462;
            }
            return Cell.number(Cell.plain(value), date);
        }

        private void put(CellValueRecordInterface record, Cell cell) {
            putAt(record.getRow(), record.getColumn(), cell);
        }

        private void putAt(int rowNumber, int column, Cell cell) {
            if (!wanted) {
                return;
            }
            if (rowNumber != rowIndex) {
                flush();
                rowIndex = rowNumber;
            }
            while (row.size() <= column) {
                row.add(null);
            }
            row.set(column, cell);
        }

        void flush() {
            if (wanted && rowIndex >= 0 && !row.isEmpty()) {
                sink.row(sheet, rowIndex + 1, row.toArray(new Cell[0]));
            }
            row.clear();
            rowIndex = -1;
        }
    }
}
