package com.miniwms.salesorders.imports.read;

/** The file cannot be imported at all (not a workbook, protected, too big, a bomb, malformed); says why. */
public class BadWorkbookException extends RuntimeException {
    public BadWorkbookException(String message) {
        super(message);
    }

    public BadWorkbookException(String message, Throwable cause) {
        super(message, cause);
    }
}
