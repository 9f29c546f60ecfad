package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.FieldError;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderRules;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.domain.Text;
import com.miniwms.salesorders.imports.Column.Sheet;
import com.miniwms.salesorders.imports.read.BadWorkbookException;
import com.miniwms.salesorders.imports.read.Cell;
import com.miniwms.salesorders.imports.read.RowSink;
import com.miniwms.salesorders.imports.read.WorkbookReader;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two sheets row by row and checks every order: an order with any problem is rejected whole, with each
 * problem naming sheet, row, column, value and reason. Nothing is written here.
 */
public final class WorkbookParser implements RowSink {
    /** More line rows than this and the file is refused (split it). */
    public static final int MAX_LINE_ROWS = 200_000;
    /** More header rows than this and the file is refused. */
    public static final int MAX_ORDER_ROWS = 200_000;

    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    private final Map<Sheet, SheetColumns> columns = new EnumMap<>(Sheet.class);
    private final Map<String, Draft> orders = new LinkedHashMap<>();
    private final LineTable lines = new LineTable();
    /** Line rows whose order was not known when they were read: the line sheet came first, or no such order. */
    private final List<PendingLine> pendingLines = new ArrayList<>();
    private final List<ImportError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final TreeSet<Integer> rejectedHeaderRows = new TreeSet<>();
    private final TreeSet<Integer> rejectedLineRows = new TreeSet<>();
    /** The problems of the row being read; copied only when there are any. */
    private final List<ImportError> rowErrors = new ArrayList<>();
    private final Reader reader = new Reader(rowErrors);
    private String lastOrderNumber;
    private Draft lastDraft;
    private String currentSheetName;
    private Sheet currentSheet;
    private int orderRows;
    private int lineRowCount;
    private int rejectedOrders;

    /** Reads and checks a workbook file. @throws BadWorkbookException when the file as a whole cannot be used */
    public static ParsedWorkbook parse(Path file) {
        WorkbookParser parser = new WorkbookParser();
        WorkbookReader.read(file, parser);
        return parser.finish();
    }

    @Override
    public boolean wants(String sheetName) {
        Sheet sheet = Sheet.byName(sheetName);
        if (sheet == null || columns.containsKey(sheet)) {
            return false;
        }
        columns.put(sheet, new SheetColumns(sheet, null));
        return true;
    }

    @Override
    public void row(String sheetName, int rowNumber, Cell[] cells) {
        Sheet sheet = sheet(sheetName);
        SheetColumns sheetColumns = columns.get(sheet);
        if (sheetColumns == null || sheetColumns.sheetName == null) {
            if (allBlank(cells)) {
                return;
            }
            columns.put(sheet, SheetColumns.from(sheet, sheetName, cells, warnings));
            return;
        }
        if (allBlank(cells)) {
            return;
        }
        if (sheet == Sheet.ORDERS) {
            if (++orderRows > MAX_ORDER_ROWS) {
                throw new BadWorkbookException("Sheet " + sheetName + " has more than " + MAX_ORDER_ROWS
                        + " order rows; split the file");
            }
            orderRow(sheetColumns, rowNumber, cells);
        } else {
            if (++lineRowCount > MAX_LINE_ROWS) {
                throw new BadWorkbookException("Sheet " + sheetName + " has more than " + MAX_LINE_ROWS
                        + " line rows; split the file into several workbooks");
            }
            lineRow(sheetColumns, rowNumber, cells);
        }
    }

    /** The rows of one sheet come one after the other, so the sheet is looked up once per sheet, not per row. */
    private Sheet sheet(String sheetName) {
        if (!sheetName.equals(currentSheetName)) {
            currentSheet = Sheet.byName(sheetName);
            currentSheetName = sheetName;
        }
        return currentSheet;
    }

    private void orderRow(SheetColumns c, int row, Cell[] cells) {
        Reader r = reader.of(c, row, cells);
        String number = upper(r.text(Column.ORDER_NUMBER));
        ShipTo shipTo = new ShipTo(r.text(Column.SHIP_TO_NAME), r.text(Column.ADDRESS1), r.text(Column.ADDRESS2),
                r.text(Column.ADDRESS3), r.text(Column.CITY), r.text(Column.STATE), r.text(Column.POSTCODE),
                r.text(Column.COUNTRY), r.text(Column.PHONE), r.text(Column.EMAIL));
        LocalDate date = r.date(Column.ORDER_DATE);
        String currency = r.text(Column.CURRENCY);
        String notes = c.has(Column.NOTES) ? r.raw(Column.NOTES) : null;
        if (number == null) {
            rowErrors.add(c.error(row, Column.ORDER_NUMBER, null, "is required: every order row needs its order"
                    + " number"));
            errors.addAll(rowErrors);
            rejectedHeaderRows.add(row);
            rejectedOrders++;
            return;
        }
        Draft existing = orders.get(number);
        if (existing != null) {
            errors.add(c.error(row, Column.ORDER_NUMBER, number, "order number " + number + " appears twice in"
                    + " this sheet (first in row " + existing.headerRow + "); each order takes one row"));
            existing.errors.add(c.error(existing.headerRow, Column.ORDER_NUMBER, number, "order number " + number
                    + " appears again in row " + row + "; each order takes one row"));
            rejectedHeaderRows.add(row);
            return;
        }
        SalesOrder order = new SalesOrder(number, Channel.EXCEL, null, null, OrderStatus.AVAILABLE, null, null,
                date, shipTo, currency, null, notes, List.of(), 0, null, null, null, null);
        Draft draft = new Draft(order, row, date != null);
        draft.errors.addAll(rowErrors);
        orders.put(number, draft);
    }

    private void lineRow(SheetColumns c, int row, Cell[] cells) {
        Reader r = reader.of(c, row, cells);
        String number = upper(r.text(Column.LINE_ORDER_NUMBER));
        Integer lineNumber = r.positiveWhole(Column.LINE_NUMBER);
        String sku = r.text(Column.SKU);
        Integer quantity = r.positiveWhole(Column.QUANTITY);
        BigDecimal price = r.decimal(Column.UNIT_PRICE);
        String description = r.text(Column.DESCRIPTION);
        if (lineNumber == null && rowErrors.isEmpty()) {
            rowErrors.add(c.error(row, Column.LINE_NUMBER, null, "is required"));
        }
        if (quantity == null && rowErrors.stream().noneMatch(e -> c.name(Column.QUANTITY).equals(e.column()))) {
            rowErrors.add(c.error(row, Column.QUANTITY, null, "is required: a positive whole number"));
        }
        if (number == null) {
            rowErrors.add(c.error(row, Column.LINE_ORDER_NUMBER, null, "is required: the order number of the line"));
        }
        Draft draft = draftOf(number);
        if (draft == null) {
            OrderLine line = rowErrors.isEmpty() ? OrderLine.of(lineNumber, sku, description, quantity, price) : null;
            pendingLines.add(new PendingLine(number, row, line, List.copyOf(rowErrors)));
        } else if (rowErrors.isEmpty()) {
            draft.add(lines, lines.add(row, lineNumber, sku, description, quantity, price));
        } else {
            draft.addBroken(lines, lines.addBroken(row), rowErrors);
        }
    }

    /** The order of a line row; the lines of one order usually follow each other, so the last one is kept at hand. */
    private Draft draftOf(String orderNumber) {
        if (orderNumber == null) {
            return null;
        }
        if (!orderNumber.equals(lastOrderNumber)) {
            lastDraft = orders.get(orderNumber);
            lastOrderNumber = orderNumber;
        }
        return lastDraft;
    }

    /** Puts lines to their orders and applies the order rules. */
    ParsedWorkbook finish() {
        for (Sheet sheet : Sheet.values()) {
            SheetColumns c = columns.get(sheet);
            if (c == null) {
                throw new BadWorkbookException("The workbook has no sheet named '" + sheet.sheetName() + "'; it needs"
                        + " the two sheets 'salesorder' (order headers) and 'salesorderline' (order lines)");
            }
            if (c.sheetName == null) {
                throw new BadWorkbookException("Sheet '" + sheet.sheetName() + "' is empty; row 1 must hold the"
                        + " column names");
            }
            c.requireColumns();
        }
        placePendingLines();
        List<ParsedOrder> valid = new ArrayList<>();
        // Each draft is let go once its order is made, so a collection meanwhile need not keep it.
        for (var drafts = orders.values().iterator(); drafts.hasNext(); ) {
            Draft draft = drafts.next();
            drafts.remove();
            ParsedOrder parsed = check(draft);
            if (parsed != null) {
                valid.add(parsed);
            }
        }
        errors.sort(Comparator.comparing((ImportError e) -> e.sheet() == null ? "" : e.sheet())
                .thenComparing(e -> e.row() == null ? 0 : e.row()));
        return new ParsedWorkbook(valid, rejectedOrders, List.copyOf(errors), List.copyOf(warnings),
                rejectedHeaderRows, rejectedLineRows, columns.get(Sheet.ORDERS).written,
                columns.get(Sheet.LINES).written);
    }

    /** Gives each waiting line to its order, now that both sheets are read; lines of no order are errors. */
    private void placePendingLines() {
        SheetColumns lineColumns = columns.get(Sheet.LINES);
        for (PendingLine line : pendingLines) {
            Draft draft = line.orderNumber == null ? null : orders.get(line.orderNumber);
            if (draft == null) {
                errors.addAll(line.errors);
                if (line.orderNumber != null) {
                    errors.add(lineColumns.error(line.row, Column.LINE_ORDER_NUMBER, line.orderNumber,
                            "order " + line.orderNumber + " is not in sheet '" + Sheet.ORDERS.sheetName()
                                    + "'; add its header row or correct the number"));
                }
                rejectedLineRows.add(line.row);
            } else if (line.line != null) {
                OrderLine l = line.line;
                draft.add(lines, lines.add(line.row, l.lineNumber(), l.sku(), l.description(), l.quantityOrdered(),
                        l.unitPrice()));
            } else {
                draft.addBroken(lines, lines.addBroken(line.row), line.errors);
            }
        }
        pendingLines.clear();
    }

    /** Makes a draft's order and applies the order rules: the parsed order, or {@code null} when it is rejected. */
    private ParsedOrder check(Draft draft) {
        List<OrderLine> orderLines = new ArrayList<>(draft.goodLines);
        int[] lineRows = new int[draft.goodLines];
        for (int i = draft.firstLine; i >= 0; i = lines.next(i)) {
            if (!lines.isBroken(i)) {
                lineRows[orderLines.size()] = lines.row(i);
                orderLines.add(lines.line(i));
            }
        }
        SalesOrder order = draft.order.withLines(orderLines).normalised();
        checkRules(draft, order, lineRows);
        if (draft.errors.isEmpty()) {
            return new ParsedOrder(order, draft.headerRow, RowList.of(lineRows), draft.hasOrderDate);
        }
        rejectedOrders++;
        errors.addAll(draft.errors);
        rejectedHeaderRows.add(draft.headerRow);
        for (int i = draft.firstLine; i >= 0; i = lines.next(i)) {
            rejectedLineRows.add(lines.row(i));
        }
        return null;
    }

    /** @param lineRows the row of each of the order's lines, by index */
    private void checkRules(Draft draft, SalesOrder order, int[] lineRows) {
        List<FieldError> problems = OrderRules.check(order, new ArrayList<>());
        SheetColumns header = columns.get(Sheet.ORDERS);
        SheetColumns lineSheet = columns.get(Sheet.LINES);
        for (FieldError problem : problems) {
            String field = problem.field();
            Matcher m = LINE_FIELD.matcher(field);
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                OrderLine line = order.lines().get(index);
                int row = lineRows[index];
                Column column = switch (m.group(2)) {
                    case "lineNumber" -> Column.LINE_NUMBER;
                    case "sku" -> Column.SKU;
                    case "description" -> Column.DESCRIPTION;
                    case "unitPrice" -> Column.UNIT_PRICE;
                    default -> Column.QUANTITY;
                };
                String value = switch (column) {
                    case LINE_NUMBER -> Integer.toString(line.lineNumber());
                    case SKU -> line.sku();
                    case DESCRIPTION -> line.description();
                    case UNIT_PRICE -> line.unitPrice() == null ? null : line.unitPrice().toPlainString();
                    default -> Integer.toString(line.quantityOrdered());
                };
                draft.errors.add(lineSheet.error(row, column, value, problem.message()));
            } else if (field.equals("lines")) {
                if (!draft.brokenLines) {
                    draft.errors.add(header.error(draft.headerRow, Column.ORDER_NUMBER, order.orderNumber(),
                            "order " + order.orderNumber() + " has no lines in sheet '" + Sheet.LINES.sheetName()
                                    + "' (" + problem.message() + ")"));
                }
            } else {
                Column column = headerColumn(field);
                draft.errors.add(header.error(draft.headerRow, column, headerValue(order, column),
                        problem.message()));
            }
        }
    }

    private static Column headerColumn(String field) {
        return switch (field) {
            case "orderNumber" -> Column.ORDER_NUMBER;
            case "shipTo", "shipTo.name" -> Column.SHIP_TO_NAME;
            case "shipTo.address1" -> Column.ADDRESS1;
            case "shipTo.address2" -> Column.ADDRESS2;
            case "shipTo.address3" -> Column.ADDRESS3;
            case "shipTo.city" -> Column.CITY;
            case "shipTo.state" -> Column.STATE;
            case "shipTo.postcode" -> Column.POSTCODE;
            case "shipTo.country" -> Column.COUNTRY;
            case "shipTo.phone" -> Column.PHONE;
            case "shipTo.email" -> Column.EMAIL;
            case "currency" -> Column.CURRENCY;
            case "notes" -> Column.NOTES;
            default -> Column.ORDER_NUMBER;
        };
    }

    private static String headerValue(SalesOrder order, Column column) {
        ShipTo s = order.shipTo();
        return switch (column) {
            case ORDER_NUMBER -> order.orderNumber();
            case SHIP_TO_NAME -> s.name();
            case ADDRESS1 -> s.address1();
            case ADDRESS2 -> s.address2();
            case ADDRESS3 -> s.address3();
            case CITY -> s.city();
            case STATE -> s.state();
            case POSTCODE -> s.postcode();
            case COUNTRY -> s.country();
            case PHONE -> s.phone();
            case EMAIL -> s.email();
            case CURRENCY -> order.currency();
            case NOTES -> order.notes();
            default -> null;
        };
    }

    private static boolean allBlank(Cell[] cells) {
        for (Cell cell : cells) {
            if (!Cell.isBlank(cell)) {
                return false;
            }
        }
        return true;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** One order being assembled. */
    private static final class Draft {
        final SalesOrder order;
        final int headerRow;
        final boolean hasOrderDate;
        final List<ImportError> errors = new ArrayList<>();
        /** The order's first line in the {@link LineTable}, the broken ones included; -1 while it has none. */
        int firstLine = -1;
        int lastLine = -1;
        int goodLines;
        boolean brokenLines;

        Draft(SalesOrder order, int headerRow, boolean hasOrderDate) {
            this.order = order;
            this.headerRow = headerRow;
            this.hasOrderDate = hasOrderDate;
        }

        void add(LineTable table, int line) {
            chain(table, line);
            goodLines++;
        }

        void addBroken(LineTable table, int line, List<ImportError> problems) {
            chain(table, line);
            errors.addAll(problems);
            brokenLines = true;
        }

        private void chain(LineTable table, int line) {
            if (firstLine < 0) {
                firstLine = line;
            } else {
                table.link(lastLine, line);
            }
            lastLine = line;
        }
    }

    private record PendingLine(String orderNumber, int row, OrderLine line, List<ImportError> errors) {
    }

    /**
     * Reads the cells of one row by column, collecting problems instead of stopping at the first. One instance
     * serves every row: {@link #of} points it at the next one and empties the problem list.
     */
    private static final class Reader {
        private final List<ImportError> errors;
        private SheetColumns c;
        private int row;
        private Cell[] cells;

        Reader(List<ImportError> errors) {
            this.errors = errors;
        }

        Reader of(SheetColumns columns, int rowNumber, Cell[] rowCells) {
            c = columns;
            row = rowNumber;
            cells = rowCells;
            errors.clear();
            return this;
        }

        Cell cell(Column column) {
            int index = c.index(column);
            return index < 0 || index >= cells.length ? null : cells[index];
        }

        String raw(Column column) {
            Cell cell = cell(column);
            return Cell.isBlank(cell) ? null : cell.text();
        }

        String text(Column column) {
            try {
                return CellValues.text(cell(column));
            } catch (CellValues.CellException e) {
                return fail(column, e);
            }
        }

        Integer positiveWhole(Column column) {
            try {
                return CellValues.positiveWhole(cell(column));
            } catch (CellValues.CellException e) {
                return fail(column, e);
            }
        }

        BigDecimal decimal(Column column) {
            try {
                return CellValues.decimal(cell(column));
            } catch (CellValues.CellException e) {
                return fail(column, e);
            }
        }

        LocalDate date(Column column) {
            try {
                return CellValues.date(cell(column));
            } catch (CellValues.CellException e) {
                return fail(column, e);
            }
        }

        private <T> T fail(Column column, CellValues.CellException e) {
            errors.add(c.error(row, column, CellValues.display(cell(column)), e.getMessage()));
            return null;
        }
    }

    /** Where each column is in one sheet, and its name as written there. */
    private static final class SheetColumns {
        final Sheet sheet;
        final String sheetName;
        final Map<Column, Integer> index = new EnumMap<>(Column.class);
        final List<String> written = new ArrayList<>();

        private SheetColumns(Sheet sheet, String sheetName) {
            this.sheet = sheet;
            this.sheetName = sheetName;
        }

        static SheetColumns from(Sheet sheet, String sheetName, Cell[] cells, List<String> warnings) {
            SheetColumns c = new SheetColumns(sheet, sheetName);
            Map<Column, String> seen = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                String name = Cell.isBlank(cells[i]) ? null : Text.clean(cells[i].text());
                c.written.add(name);
                if (name == null) {
                    continue;
                }
                Column column = Column.of(sheet, name);
                if (column == null) {
                    warnings.add("Sheet '" + sheetName + "': column '" + name + "' is not used by the import and was"
                            + " ignored");
                } else if (seen.containsKey(column)) {
                    warnings.add("Sheet '" + sheetName + "': column '" + name + "' repeats column '"
                            + seen.get(column) + "'; only the first is used");
                } else {
                    seen.put(column, name);
                    c.index.put(column, i);
                }
            }
            return c;
        }

        void requireColumns() {
            for (Column column : Column.values()) {
                if (column.sheet() == sheet && column.required() && !index.containsKey(column)) {
                    throw new BadWorkbookException("Sheet '" + sheetName + "' has no column "
                            + String.join(" or ", column.names()) + " in row 1; it is required");
                }
            }
        }

        boolean has(Column column) {
            return index.containsKey(column);
        }

        int index(Column column) {
            Integer i = index.get(column);
            return i == null ? -1 : i;
        }

        String name(Column column) {
            int i = index(column);
            return i >= 0 ? written.get(i) : column.documentedName();
        }

        ImportError error(int row, Column column, String value, String message) {
            return new ImportError(sheetName, row, name(column), value, message);
        }
    }
}
