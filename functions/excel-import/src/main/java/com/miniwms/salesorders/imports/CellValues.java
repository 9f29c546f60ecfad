package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.domain.Text;
import com.miniwms.salesorders.imports.read.Cell;
import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Turns cells into values the way people expect: numbers stored as text and text stored as numbers both work,
 * an item number stays exactly the digits in the cell, dates may be Excel dates or ISO text.
 * Each method throws {@link CellException} with a message for people when the cell cannot be read as asked.
 */
final class CellValues {
    private CellValues() {
    }

    /** The cell as clean text (trimmed, runs of spaces collapsed); {@code null} when blank. */
    static String text(Cell cell) {
        if (cell == null || cell.text() == null) {
            return null;
        }
        String text = Text.clean(cell.text());
        if (text != null && cell.kind() == Cell.Kind.ERROR) {
            throw new CellException("the cell holds the Excel error " + cell.text() + "; put a value in it");
        }
        return text;
    }

    /** A whole number from 1 up; {@code null} when blank. */
    static Integer positiveWhole(Cell cell) {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        int small = smallPositiveDigits(text);
        if (small > 0) {
            return small;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new CellException("is not a number; use a whole number such as 1 or 25");
        }
        if (value.signum() <= 0) {
            throw new CellException("must be a positive whole number (1 or more)");
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            if (value.stripTrailingZeros().scale() > 0) {
                throw new CellException("must be a whole number, not a fraction");
            }
            throw new CellException("is too large");
        }
    }

    /** The value of up to nine plain digits, the common case; 0 for anything else (left to BigDecimal). */
    private static int smallPositiveDigits(String text) {
        if (text.length() > 9) {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A decimal amount; {@code null} when blank. */
    static BigDecimal decimal(Cell cell) {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new CellException("is not a number; use digits with a decimal point, such as 12.50");
        }
    }

    /** A date: an Excel date cell, a date serial number, or ISO text ({@code 2026-03-31}); {@code null} when blank. */
    static LocalDate date(Cell cell) {
        if (Cell.isBlank(cell)) {
            return null;
        }
        if (cell.kind() == Cell.Kind.NUMBER) {
            double serial = Double.parseDouble(cell.text());
            if (!DateUtil.isValidExcelDate(serial) || serial < 1) {
                throw new CellException("is not a date; use an Excel date or the form 2026-03-31");
            }
            return DateUtil.getLocalDateTime(serial, false).toLocalDate();
        }
        String text = text(cell);
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new CellException("is not a date; use an Excel date or the form 2026-03-31");
        }
    }

    /** What the cell shows, for error messages and the report. */
    static String display(Cell cell) {
        return cell == null ? null : cell.text();
    }

    static final class CellException extends RuntimeException {
        CellException(String message) {
            super(message, null, false, false);
        }
    }
}
