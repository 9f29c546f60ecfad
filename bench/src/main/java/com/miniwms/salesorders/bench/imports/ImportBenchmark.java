package com.miniwms.salesorders.bench.imports;

import com.miniwms.salesorders.imports.ImportMode;
import com.miniwms.salesorders.imports.ImportRecord;
import com.miniwms.salesorders.imports.ImportService;
import com.miniwms.salesorders.imports.ParsedWorkbook;
import com.miniwms.salesorders.imports.WorkbookParser;
import com.miniwms.salesorders.local.emulator.LocalAws;
import com.miniwms.salesorders.local.emulator.MotoServer;
import com.miniwms.salesorders.local.emulator.ProjectPaths;
import com.miniwms.salesorders.local.emulator.SamTemplate;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.DynamoDbOrderRepository;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The workbook import benchmark ({@code make bench}): a generated workbook of 10,000 orders and 100,000 lines.
 * Reading and validation time against {@code fastexcel-reader} reading the same cells in the same run, the peak
 * live heap of reading and validation (and the peak with garbage included), whether it completes under small heaps,
 * and the end-to-end import into the emulator against a bare parallel
 * BatchWriteItem loader writing the same items. Prints a Markdown table.
 *
 * <p>Arguments: {@code --orders N} (10000), {@code --lines-per-order M} (10), {@code --runs R} (5),
 * {@code --no-emulator} (reading only).
 */
public final class ImportBenchmark {
    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = 10_000;
        int linesPerOrder = 10;
        int runs = 5;
        boolean emulator = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--orders" -> orders = Integer.parseInt(args[++i]);
                case "--lines-per-order" -> linesPerOrder = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--no-emulator" -> emulator = false;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Path work = ProjectPaths.projectRoot().resolve("target/bench-import");
        Files.createDirectories(work);
        Path workbook = work.resolve("import-bench.xlsx");
        generate(workbook, orders, linesPerOrder);
        System.err.printf(Locale.ROOT, "[bench] workbook %s: %d orders, %d lines, %.1f MB%n", workbook, orders,
                orders * linesPerOrder, Files.size(workbook) / 1048576.0);

        // Warm both readers up, then alternate them so both see the same machine state.
        WorkbookParser.parse(workbook);
        fastexcelCells(workbook);
        long[] ours = new long[runs];
        long[] baseline = new long[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            ParsedWorkbook parsed = WorkbookParser.parse(workbook);
            ours[r] = System.nanoTime() - t0;
            if (parsed.valid().size() != orders) {
                throw new IllegalStateException("expected " + orders + " valid orders, got " + parsed.valid().size()
                        + "; first error " + parsed.errors().stream().findFirst().orElse(null));
            }
            long t1 = System.nanoTime();
            long cells = fastexcelCells(workbook);
            baseline[r] = System.nanoTime() - t1;
            if (cells == 0) {
                throw new IllegalStateException("fastexcel read no cells");
            }
        }
        double oursMs = median(ours) / 1e6;
        double baseMs = median(baseline) / 1e6;
        long peakHeap = peakHeapOfParse(workbook);
        LiveHeap live = peakLiveHeapOfParse(workbook);

        StringBuilder table = new StringBuilder();
        table.append("| measure | this service | baseline | ratio | goal |\n|---|---|---|---|---|\n");
        table.append(String.format(Locale.ROOT, "| read + validate %d orders / %d lines (median of %d) | %.0f ms |"
                        + " %.0f ms (fastexcel-reader, same cells) | %.2fx | within 1.5x |%n", orders,
                orders * linesPerOrder, runs, oursMs, baseMs, oursMs / baseMs));
        table.append(String.format(Locale.ROOT, "| peak live heap during read + validate (heap in use after a"
                + " collection, at most, of the %d during it and one after it with the result held) | %.0f MB | - | - |"
                + " under 128 MB |%n",
                live.collections(), live.peakBytes() / 1048576.0));
        table.append(String.format(Locale.ROOT, "| peak heap in use during read + validate, garbage included (mostly"
                + " the young generation's size, where garbage waits for a collection) | %.0f MB | - | - | - |%n",
                peakHeap / 1048576.0));
        for (int megabytes : HEAP_PROBES_MB) {
            table.append("| read + validate in a JVM limited to -Xmx" + megabytes + "m | " + heapProbe(workbook,
                    megabytes) + " | - | - | " + (megabytes == 128 ? "completes" : "-") + " |\n");
        }
        if (emulator) {
            endToEnd(workbook, orders, table);
        }
        Path artifact = ProjectPaths.projectRoot().resolve("functions/excel-import/target/excel-import.jar");
        if (Files.isRegularFile(artifact)) {
            table.append(String.format(Locale.ROOT, "| excel-import function artifact | %.1f MB | - | - | - |%n",
                    Files.size(artifact) / 1048576.0));
        }
        System.out.println(table);
        Files.writeString(work.resolve("import-bench-results.md"), table.toString());
        System.exit(0);
    }

    /** The same cells the import reads, through fastexcel-reader: every cell's text of both sheets. */
    static long fastexcelCells(Path workbook) throws IOException {
        long cells = 0;
        try (InputStream in = Files.newInputStream(workbook); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            for (String name : List.of("salesorder", "salesorderline")) {
                try (Stream<Row> rows = wb.findSheet(name).orElseThrow().openStream()) {
                    for (Row row : (Iterable<Row>) rows::iterator) {
                        for (int c = 0; c < row.getCellCount(); c++) {
                            String text = row.getCellText(c);
                            if (text != null && !text.isEmpty()) {
                                cells++;
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** What the peak live heap figure is: the most heap in use after a collection, and how many ran. */
    record LiveHeap(long peakBytes, long collections) {
    }

    /**
     * The heap reading and validating keeps alive: the most heap in use after any collection during the parse, and
     * after one at its end with the result still held, less what was live before.
     */
    static LiveHeap peakLiveHeapOfParse(Path workbook) throws InterruptedException {
        System.gc();
        long before = heapInUse();
        long collections;
        LiveHeapMonitor monitor = new LiveHeapMonitor();
        try {
            ParsedWorkbook parsed = WorkbookParser.parse(workbook);
            collections = monitor.collectionsSoFar();
            System.gc();
            if (parsed.valid().isEmpty()) {
                throw new IllegalStateException("nothing parsed");
            }
        } finally {
            monitor.close();
        }
        return new LiveHeap(Math.max(0, monitor.peakBytes() - before), collections);
    }

    private static long heapInUse() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** Peak heap in use while reading and validating, measured after a full collection. */
    static long peakHeapOfParse(Path workbook) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        ParsedWorkbook parsed = WorkbookParser.parse(workbook);
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (parsed.valid().isEmpty()) {
            throw new IllegalStateException("nothing parsed");
        }
        return Math.max(0, peak - before);
    }

    /** Heap limits reading and validation are tried under, each in a fresh JVM. */
    static final int[] HEAP_PROBES_MB = {128, 64};

    /** Runs reading and validation in a fresh JVM with a small heap; reports whether it completed, and the live set. */
    static String heapProbe(Path workbook, int megabytes) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx" + megabytes + "m", "-XX:+UseSerialGC",
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "-cp", System.getProperty("java.class.path"), HeapProbe.class.getName(), workbook.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        int exit = process.waitFor();
        if (exit == 0) {
            return "completes; " + output;
        }
        return output.contains("OutOfMemoryError") ? "fails: out of memory" : "fails (exit " + exit + ")";
    }

    /**
     * The child of {@link #heapProbe}: parses once and prints the heap still in use after a collection, and the most
     * in use after any collection during the parse.
     */
    public static final class HeapProbe {
        public static void main(String[] args) throws InterruptedException {
            LiveHeapMonitor monitor = new LiveHeapMonitor();
            ParsedWorkbook parsed;
            long live;
            try {
                parsed = WorkbookParser.parse(Path.of(args[0]));
                System.gc();
                live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            } finally {
                monitor.close();
            }
            System.out.printf(Locale.ROOT, "%.0f MB live after reading (%d orders held), %.0f MB at most during it%n",
                    live / 1048576.0, parsed.valid().size(), monitor.peakBytes() / 1048576.0);
        }
    }

    private static void endToEnd(Path workbook, int orders, StringBuilder table) throws Exception {
        SamTemplate template = SamTemplate.load(ProjectPaths.template());
        try (MotoServer server = MotoServer.start();
             LocalAws importStack = LocalAws.start(server, template, "bench-import-" + ProcessHandle.current().pid());
             LocalAws baselineStack = LocalAws.start(server, template, "bench-batch-" + ProcessHandle.current().pid());
             LocalAws ordersOnlyStack = LocalAws.start(server, template,
                     "bench-orders-" + ProcessHandle.current().pid())) {
            importStack.applySystemProperties();
            DynamoDbClient dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                    .endpointOverride(server.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                    .build();
            String importTable = importStack.stack().physicalId("OrdersTable");
            String baselineTable = baselineStack.stack().physicalId("OrdersTable");
            ImportService service = new ImportService(new OrderService(new DynamoDbOrderRepository(dynamo,
                    importTable), Clock.systemUTC()), Clock.systemUTC(), ImportService.DEFAULT_PARALLELISM);
            ImportRecord claimed = ImportRecord.pending("bench", "import-bench.xlsx", false, ImportMode.CREATE,
                    Instant.now(), "bench", "imports/import-bench.xlsx").processing(Instant.now());
            long t0 = System.nanoTime();
            ImportRecord done = service.run(workbook, claimed, "bench").record();
            double importMs = (System.nanoTime() - t0) / 1e6;
            if (done.counts().ordersCreated() != orders) {
                throw new IllegalStateException("import created " + done.counts());
            }
            List<Map<String, AttributeValue>> items = scan(dynamo, importTable);
            long t1 = System.nanoTime();
            batchLoad(dynamo, baselineTable, items, ImportService.DEFAULT_PARALLELISM);
            double batchMs = (System.nanoTime() - t1) / 1e6;
            table.append(String.format(Locale.ROOT, "| end-to-end import into the emulator (%d orders) | %.1f s |"
                            + " %.1f s (parallel BatchWriteItem of the same %d items: orders and history) | %.2fx |"
                            + " within 1.2x |%n",
                    orders, importMs / 1000, batchMs / 1000, items.size(), importMs / batchMs));
            // For scale: the order items alone, as if the import kept no history.
            List<Map<String, AttributeValue>> orderItems = items.stream()
                    .filter(i -> i.get("pk").s().startsWith("ORDER#")).toList();
            long t2 = System.nanoTime();
            batchLoad(dynamo, ordersOnlyStack.stack().physicalId("OrdersTable"), orderItems,
                    ImportService.DEFAULT_PARALLELISM);
            double ordersOnlyMs = (System.nanoTime() - t2) / 1e6;
            table.append(String.format(Locale.ROOT, "| the same import against the order items alone | %.1f s |"
                            + " %.1f s (parallel BatchWriteItem of the %d order items, no history) | %.2fx | - |%n",
                    importMs / 1000, ordersOnlyMs / 1000, orderItems.size(), importMs / ordersOnlyMs));
        }
    }

    private static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamo, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(b -> b.tableName(table).exclusiveStartKey(from));
            // What the import wrote: each order and its history entry.
            page.items().stream().filter(i -> i.get("pk").s().startsWith("ORDER#")
                    || i.get("pk").s().startsWith("HISTORY#")).forEach(items::add);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** The bare loader: batches of 25, written by N threads, unprocessed items retried. */
    static void batchLoad(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < items.size(); i += 25) {
                List<WriteRequest> batch = items.subList(i, Math.min(items.size(), i + 25)).stream()
                        .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build())
                                .build()).toList();
                futures.add(pool.submit(() -> {
                    Map<String, List<WriteRequest>> pending = Map.of(table, batch);
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> request = pending;
                        BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                        pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** 10,000 orders of the sample workbook's shape, item numbers as text, numbers as numbers. */
    static void generate(Path file, int orders, int linesPerOrder) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet headers = wb.createSheet("salesorder");
            String[] h = {"so_num", "ship_to_name", "address_one", "address_two", "address_three", "city", "state",
                    "zip_postcode", "country", "phone", "email"};
            var head = headers.createRow(0);
            for (int i = 0; i < h.length; i++) {
                head.createCell(i).setCellValue(h[i]);
            }
            for (int o = 1; o <= orders; o++) {
                var row = headers.createRow(o);
                String[] v = {String.format("BEN%06d", o), " Buyer  Name " + o, " " + o + " Oak Street", " Flat " + o,
                        "", " London", " Greater London", "SW1A 1AA", "UK", " +44 20 1234 " + (1000 + o % 9000),
                        "buyer" + o + "@example.com"};
                for (int i = 0; i < v.length; i++) {
                    if (!v[i].isEmpty()) {
                        row.createCell(i).setCellValue(v[i]);
                    }
                }
            }
            SXSSFSheet lines = wb.createSheet("salesorderline");
            String[] lh = {"so_num", "line_number", "item_Number", "qty_ordered"};
            var lineHead = lines.createRow(0);
            for (int i = 0; i < lh.length; i++) {
                lineHead.createCell(i).setCellValue(lh[i]);
            }
            int r = 1;
            for (int o = 1; o <= orders; o++) {
                for (int l = 1; l <= linesPerOrder; l++) {
                    var row = lines.createRow(r++);
                    row.createCell(0).setCellValue(String.format("BEN%06d", o));
                    row.createCell(1).setCellValue(l);
                    row.createCell(2).setCellValue(Long.toString(1_628_437_592_043L + (long) o * 100 + l));
                    row.createCell(3).setCellValue(1 + (o + l) % 9);
                }
            }
            wb.write(out);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
