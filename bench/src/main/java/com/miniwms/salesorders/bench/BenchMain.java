package com.miniwms.salesorders.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.miniwms.salesorders.api.OrdersWriteHandler;
import com.miniwms.salesorders.bench.launcher.EventJson;
import com.miniwms.salesorders.bench.launcher.LauncherContext;
import com.miniwms.salesorders.local.emulator.LocalAws;
import com.miniwms.salesorders.local.emulator.ProjectPaths;
import com.miniwms.salesorders.local.emulator.SamTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmark behind {@code make bench} ({@code bench/run.sh}): for GetOrder and CreateOrder, the time from JVM
 * start to the first response in fresh JVMs running the deployed artifact, against a no-op handler in the same
 * harness; warm per-request time against the bare DynamoDB call; the size of every function artifact. Prints a
 * Markdown table and writes it, with the same figures as JSON, to {@code bench-results.md} and
 * {@code bench-results.json} in the output folder.
 *
 * <p>Starts the emulator (moto) and provisions the template on it; order {@value WarmBenchmark#SEEDED_ORDER}, which
 * the sample GetOrder event asks for, is created first with the sample CreateOrder event.
 */
public final class BenchMain {
    private static final String MARKDOWN = "bench-results.md";
    private static final String JSON = "bench-results.json";

    private BenchMain() {
    }

    public static void main(String[] args) {
        Path projectRoot = ProjectPaths.projectRoot();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, projectRoot);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        try {
            BenchResults results = run(options, projectRoot);
            String markdown = MarkdownReport.render(results);
            write(options.outputDir(), results, markdown);
            System.out.println(markdown);
            System.out.println("Written to " + options.outputDir().resolve(MARKDOWN) + " and " + JSON + ".");
        } catch (RuntimeException e) {
            System.err.println("[bench] FAILED: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static BenchResults run(BenchOptions options, Path projectRoot) {
        SamTemplate template = SamTemplate.load(ProjectPaths.template());
        ApiTargets api = ApiTargets.find(template, projectRoot);
        List<ArtifactSize> artifacts = ArtifactSizes.measure(template, projectRoot);
        Path work = options.outputDir().resolve("bench-work");
        deleteTree(work.resolve("events"));
        deleteTree(work.resolve("logs"));
        OrderEvents orderEvents = new OrderEvents(api.createOrderEvent());
        List<JvmVariant> variants = JvmVariant.standard(api.templateJvmOptions());
        FreshJvm jvm = new FreshJvm(options.java(), options.launcherJar(), options.jvmOptions(), work.resolve("logs"));

        try (LocalAws aws = LocalAws.start(LocalAws.uniqueStackName("sales-orders-bench"))) {
            aws.applySystemProperties();
            seed(api);
            ColdStartBenchmark cold = new ColdStartBenchmark(jvm, api.coldTargets(aws), variants, options.runs(),
                    work, orderEvents);
            List<ColdResult> coldResults = cold.run();
            String table = aws.stack().environment(api.readFunction()).get("TABLE_NAME");
            List<WarmResult> warm = new WarmBenchmark(table, api.getOrderEvent(), orderEvents)
                    .run(options.warmIterations());
            return new BenchResults(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), cold.jvmVersion(),
                    options.java().toString(), platform(), options.runs(), warmJvmOptions(), variants, coldResults,
                    warm, artifacts, notes(options, cold.warnings()));
        }
    }

    /** Creates the order the sample GetOrder event asks for, with the sample CreateOrder event, in this JVM. */
    private static void seed(ApiTargets api) {
        APIGatewayV2HTTPResponse response = new OrdersWriteHandler().handleRequest(
                EventJson.read(api.createOrderEvent()),
                new LauncherContext("00000000-0000-4000-8000-000000000000", "seed", null));
        if (response.getStatusCode() != 201) {
            throw new IllegalStateException("Seeding " + WarmBenchmark.SEEDED_ORDER + " with " + api.createOrderEvent()
                    + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    private static List<String> notes(BenchOptions options, List<String> warnings) {
        List<String> notes = new ArrayList<>();
        notes.add("Each cold run is a fresh JVM whose class path is the launcher (`bench-launcher.jar`, no "
                + "libraries) and the function artifact as deployed. Like the Lambda runtime, the launcher binds the "
                + "event JSON (with the artifact's Jackson), builds the handler by class name, invokes it once and "
                + "writes the response as JSON. The no-op handler goes through the same steps, so its time is the "
                + "floor: JVM start, the Lambda event classes and Jackson.");
        notes.add("JVM start is the JVM's own start time (RuntimeMXBean, millisecond resolution), read after the "
                + "response. Spawn → exit also counts process creation and JVM shutdown.");
        notes.add("GetOrder reads order " + WarmBenchmark.SEEDED_ORDER + " (seeded first); every CreateOrder run "
                + "creates a new order with its own Idempotency-Key, so it makes a GetItem and a TransactWriteItems.");
        notes.add("AppCDS rows show what class loading costs and what an archive of the loaded classes saves. On "
                + "Lambda the template's cold-start measure is SnapStart; Lambda's managed java21 runtime loads the "
                + "function's classes itself, so these rows are not a prediction of Lambda.");
        notes.add("Cold-run logs and class-data archives: `" + options.outputDir().resolve("bench-work") + "`.");
        for (String warning : warnings) {
            notes.add("A fresh JVM printed: `" + warning.strip() + "`");
        }
        return notes;
    }

    private static List<String> warmJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-XX:") || arg.startsWith("-Xm") || arg.startsWith("-Xs"))
                .toList();
    }

    private static String platform() {
        return String.format(Locale.ROOT, "%s %s, %d processors", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    }

    /** Removes what an earlier run left in one of the benchmark's own work folders. */
    private static void deleteTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + dir, e);
        }
    }

    private static void write(Path dir, BenchResults results, String markdown) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(MARKDOWN), markdown, StandardCharsets.UTF_8);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve(JSON).toFile(), results);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results to " + dir, e);
        }
    }
}
