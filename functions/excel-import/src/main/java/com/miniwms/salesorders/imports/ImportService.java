package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.domain.OrderAlreadyExistsException;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderNotFoundException;
import com.miniwms.salesorders.domain.OrderStateException;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ValidationException;
import com.miniwms.salesorders.domain.VersionConflictException;
import com.miniwms.salesorders.imports.Column.Sheet;
import com.miniwms.salesorders.imports.read.BadWorkbookException;
import com.miniwms.salesorders.service.CreateOutcome;
import com.miniwms.salesorders.service.OrderService;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Imports one workbook: reads and checks it ({@link WorkbookParser}), then writes the valid orders in runs of
 * {@link #ORDERS_PER_WRITE}, several runs at a time. Each run is one conditional bulk create through
 * {@link OrderService#createAll} (contention retried there); the orders whose numbers were taken are read back in one
 * request and compared, so a second delivery of the same file finds every order unchanged and writes nothing.
 */
public final class ImportService {
    /** Writes (of {@link #ORDERS_PER_WRITE} orders each) in flight at the same time. */
    public static final int DEFAULT_PARALLELISM = 16;
    /** Orders created in one conditional bulk write (with their history entries, DynamoDB's 100-item limit). */
    static final int ORDERS_PER_WRITE = 50;

    private final OrderService orders;
    private final Clock clock;
    private final int parallelism;

    public ImportService(OrderService orders, Clock clock, int parallelism) {
        this.orders = orders;
        this.clock = clock;
        this.parallelism = parallelism;
    }

    /** The finished record, and the parsed workbook when the file could be read (for the report). */
    public record Outcome(ImportRecord record, ParsedWorkbook workbook, RejectedRows rejected,
                          List<ImportError> allErrors) {
    }

    /** Rows of rejected orders, by sheet, for the report. */
    public record RejectedRows(java.util.Set<Integer> headerRows, java.util.Set<Integer> lineRows) {
    }

    /** Runs the import of {@code file} for a record that was claimed (PROCESSING). Never throws for a bad file. */
    public Outcome run(Path file, ImportRecord claimed, String caller) {
        ParsedWorkbook parsed;
        try {
            parsed = WorkbookParser.parse(file);
        } catch (BadWorkbookException e) {
            return new Outcome(claimed.failed(e.getMessage(), clock.instant()), null, null, List.of());
        }
        if (parsed.valid().isEmpty() && parsed.rejectedOrders() == 0 && parsed.errors().isEmpty()) {
            return new Outcome(claimed.failed("The workbook holds no orders: sheet '" + Sheet.ORDERS.sheetName()
                    + "' has only its column names", clock.instant()), parsed, null, List.of());
        }
        List<ImportError> errors = new ArrayList<>(parsed.errors());
        TreeSet<Integer> headerRows = new TreeSet<>(parsed.rejectedHeaderRows());
        TreeSet<Integer> lineRows = new TreeSet<>(parsed.rejectedLineRows());
        List<Result> results = writeAll(parsed.valid(), claimed.mode(), claimed.dryRun(), caller);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = parsed.rejectedOrders();
        int lines = 0;
        for (int i = 0; i < results.size(); i++) {
            Result result = results.get(i);
            ParsedOrder order = parsed.valid().get(i);
            switch (result.kind) {
                case CREATED -> {
                    created++;
                    lines += order.order().lineCount();
                }
                case UPDATED -> {
                    updated++;
                    lines += order.order().lineCount();
                }
                case UNCHANGED -> unchanged++;
                case REJECTED -> {
                    rejected++;
                    errors.add(result.error);
                    headerRows.add(order.headerRow());
                    lineRows.addAll(order.lineRows());
                }
            }
        }
        errors.sort(java.util.Comparator.comparing((ImportError e) -> e.sheet() == null ? "" : e.sheet())
                .thenComparing(e -> e.row() == null ? 0 : e.row()));
        ImportCounts counts = new ImportCounts(created, updated, unchanged, rejected, lines);
        ImportStatus status = errors.isEmpty() ? ImportStatus.SUCCEEDED
                : created + updated + unchanged > 0 ? ImportStatus.PARTIALLY_SUCCEEDED
                : ImportStatus.FAILED;
        ImportRecord record = claimed.finished(status, counts, parsed.warnings(), errors, null, clock.instant());
        return new Outcome(record, parsed, new RejectedRows(headerRows, lineRows), List.copyOf(errors));
    }

    private List<Result> writeAll(List<ParsedOrder> valid, ImportMode mode, boolean dryRun, String caller) {
        List<List<ParsedOrder>> chunks = new ArrayList<>();
        for (int from = 0; from < valid.size(); from += ORDERS_PER_WRITE) {
            chunks.add(valid.subList(from, Math.min(valid.size(), from + ORDERS_PER_WRITE)));
        }
        if (chunks.size() <= 1 || parallelism <= 1) {
            return chunks.stream().flatMap(chunk -> writeChunk(chunk, mode, dryRun, caller).stream()).toList();
        }
        Semaphore permits = new Semaphore(parallelism);
        List<Future<List<Result>>> futures = new ArrayList<>(chunks.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<ParsedOrder> chunk : chunks) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return writeChunk(chunk, mode, dryRun, caller);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<Result> results = new ArrayList<>(valid.size());
            for (Future<List<Result>> future : futures) {
                results.addAll(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Writes a run of orders together: one conditional bulk create, then one read of the numbers that were taken,
     * each compared with the file. A dry run only reads.
     */
    private List<Result> writeChunk(List<ParsedOrder> chunk, ImportMode mode, boolean dryRun, String caller) {
        Result[] results = new Result[chunk.size()];
        List<Integer> taken = new ArrayList<>();
        if (dryRun) {
            for (int i = 0; i < chunk.size(); i++) {
                taken.add(i);
            }
        } else {
            List<CreateOutcome> outcomes = orders.createAll(chunk.stream().map(ParsedOrder::order).toList(), caller);
            for (int i = 0; i < outcomes.size(); i++) {
                CreateOutcome outcome = outcomes.get(i);
                switch (outcome.kind()) {
                    case CREATED -> results[i] = Result.of(Kind.CREATED);
                    case INVALID -> results[i] = Result.rejected(chunk.get(i), "the order was refused: "
                            + outcome.problem());
                    case ALREADY_EXISTS -> taken.add(i);
                }
            }
        }
        if (!taken.isEmpty()) {
            Map<String, SalesOrder> stored = orders.findAll(taken.stream()
                    .map(i -> chunk.get(i).order().orderNumber()).toList());
            for (int i : taken) {
                ParsedOrder parsed = chunk.get(i);
                SalesOrder current = stored.get(parsed.order().orderNumber());
                Result result = current == null
                        ? (dryRun ? Result.of(Kind.CREATED) : null)
                        : resolveExisting(parsed, current, mode, dryRun, caller);
                // Deleted or changed since the bulk write: settle this one on its own.
                results[i] = result != null ? result : write(parsed, mode, dryRun, caller);
            }
        }
        return Arrays.asList(results);
    }

    /** One order on its own, for the rare order that changed between the bulk write and the comparison. */
    private Result write(ParsedOrder parsed, ImportMode mode, boolean dryRun, String caller) {
        SalesOrder order = parsed.order();
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<SalesOrder> existing;
            if (dryRun) {
                existing = find(order.orderNumber());
                if (existing.isEmpty()) {
                    return Result.of(Kind.CREATED);
                }
            } else {
                try {
                    orders.create(order, caller);
                    return Result.of(Kind.CREATED);
                } catch (OrderAlreadyExistsException e) {
                    existing = find(order.orderNumber());
                    if (existing.isEmpty()) {
                        continue;
                    }
                } catch (ValidationException e) {
                    return Result.rejected(parsed, "the order was refused: " + e.getMessage());
                }
            }
            Result result = resolveExisting(parsed, existing.get(), mode, dryRun, caller);
            if (result != null) {
                return result;
            }
        }
        return Result.rejected(parsed, "order " + parsed.order().orderNumber() + " kept changing while it was"
                + " imported; upload the file again");
    }

    /**
     * An order whose number is taken: unchanged when the stored order says what the file says, else replaced (upsert,
     * while still editable) or rejected. {@code null} when it changed or went meanwhile and must be looked at again.
     */
    private Result resolveExisting(ParsedOrder parsed, SalesOrder current, ImportMode mode, boolean dryRun,
                                   String caller) {
        SalesOrder order = parsed.order();
        if (sameContent(current, parsed)) {
            return Result.of(Kind.UNCHANGED);
        }
        if (mode != ImportMode.UPSERT) {
            return Result.rejected(parsed, "order " + order.orderNumber() + " already exists with different"
                    + " content; correct the number, or upload with mode upsert to replace it");
        }
        if (!current.status().allowsEdits()) {
            return Result.rejected(parsed, "order " + order.orderNumber() + " is " + current.status()
                    + " and can no longer be replaced (only AVAILABLE or ON_HOLD orders can)");
        }
        if (dryRun) {
            return Result.of(Kind.UPDATED);
        }
        try {
            orders.replaceContent(order.orderNumber(), current.version(), order, caller);
            return Result.of(Kind.UPDATED);
        } catch (VersionConflictException | OrderNotFoundException e) {
            return null;
        } catch (OrderStateException e) {
            return Result.rejected(parsed, e.getMessage());
        } catch (ValidationException e) {
            return Result.rejected(parsed, "the order was refused: " + e.getMessage());
        }
    }

    private Optional<SalesOrder> find(String orderNumber) {
        try {
            return Optional.of(orders.get(orderNumber));
        } catch (OrderNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Whether the stored order already says what the file says (ignoring what the file does not give). */
    static boolean sameContent(SalesOrder stored, ParsedOrder parsed) {
        SalesOrder file = parsed.order();
        if (!Objects.equals(stored.shipTo(), file.shipTo()) || !Objects.equals(stored.currency(), file.currency())
                || !Objects.equals(stored.notes(), file.notes())) {
            return false;
        }
        if (parsed.hasOrderDate() && !Objects.equals(stored.orderDate(), file.orderDate())) {
            return false;
        }
        if (stored.lineCount() != file.lineCount()) {
            return false;
        }
        for (OrderLine line : file.lines()) {
            Optional<OrderLine> match = stored.line(line.lineNumber());
            if (match.isEmpty() || !Objects.equals(match.get().sku(), line.sku())
                    || !Objects.equals(match.get().description(), line.description())
                    || match.get().quantityOrdered() != line.quantityOrdered()
                    || !samePrice(match.get().unitPrice(), line.unitPrice())) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePrice(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private enum Kind { CREATED, UPDATED, UNCHANGED, REJECTED }

    private record Result(Kind kind, ImportError error) {
        static Result of(Kind kind) {
            return new Result(kind, null);
        }

        static Result rejected(ParsedOrder order, String message) {
            return new Result(Kind.REJECTED, new ImportError(Sheet.ORDERS.sheetName(), order.headerRow(),
                    Column.ORDER_NUMBER.documentedName(), order.order().orderNumber(), message));
        }
    }
}
