package com.miniwms.salesorders.imports.read;

import java.nio.file.Path;

/** Reads a workbook of either format, recognised by content, into a {@link RowSink}. */
public final class WorkbookReader {
    private WorkbookReader() {
    }

    /** @throws BadWorkbookException when the file cannot be read as a workbook, with a reason for people */
    public static WorkbookFormat read(Path file, RowSink sink) {
        WorkbookFormat format = WorkbookFormat.detect(file);
        switch (format) {
            case XLSX -> XlsxReader.read(file, sink);
            case XLS -> XlsReader.read(file, sink);
        }
        return format;
    }
}
