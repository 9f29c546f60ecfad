package com.miniwms.salesorders.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Time from JVM start to the first response, in fresh JVMs, for each handler and {@link JvmVariant}. Within a variant
 * the handlers take turns run by run, so that drift in the machine's speed spreads over all of them; one untimed
 * run per handler first warms the file cache. Every CreateOrder run writes a new order.
 */
public final class ColdStartBenchmark {
    private final FreshJvm jvm;
    private final List<ColdTarget> targets;
    private final List<JvmVariant> variants;
    private final int runs;
    private final Path workDir;
    private final OrderEvents orderEvents;
    private final Set<String> warnings = new LinkedHashSet<>();
    private String jvmVersion = "?";

    public ColdStartBenchmark(FreshJvm jvm, List<ColdTarget> targets, List<JvmVariant> variants, int runs,
                              Path workDir, OrderEvents orderEvents) {
        this.jvm = jvm;
        this.targets = List.copyOf(targets);
        this.variants = List.copyOf(variants);
        this.runs = runs;
        this.workDir = workDir;
        this.orderEvents = orderEvents;
    }

    /** Results in variant order, then target order; the first target is the baseline of its variant. */
    public List<ColdResult> run() {
        for (ColdTarget target : targets) {
            launch("warmup-" + target.name(), target, List.of());
        }
        List<ColdResult> results = new ArrayList<>();
        for (JvmVariant variant : variants) {
            Map<String, List<String>> options = new LinkedHashMap<>();
            for (ColdTarget target : targets) {
                options.put(target.name(), variant.appCds() ? train(variant, target) : variant.options());
            }
            Map<String, List<LaunchResult>> byTarget = new LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                for (ColdTarget target : targets) {
                    LaunchResult result = launch(variant.name() + "-" + target.name() + "-" + run, target,
                            options.get(target.name()));
                    byTarget.computeIfAbsent(target.name(), k -> new ArrayList<>()).add(result);
                    progress("cold %-8s %-11s run %d/%d: %7.1f ms from JVM start to response", variant.name(),
                            target.name(), run, runs, result.startToResponseMs());
                }
            }
            double baseline = Stats.of(values(byTarget.get(targets.get(0).name()), LaunchResult::startToResponseMs))
                    .median();
            for (ColdTarget target : targets) {
                List<LaunchResult> launches = byTarget.get(target.name());
                Stats startToResponse = Stats.of(values(launches, LaunchResult::startToResponseMs));
                results.add(new ColdResult(variant.name(), target.name(), startToResponse,
                        startToResponse.median() / baseline,
                        Stats.of(values(launches, LaunchResult::spawnToExitMs)),
                        median(launches, LaunchResult::startToMainMs), median(launches, LaunchResult::eventMs),
                        median(launches, LaunchResult::initMs), median(launches, LaunchResult::invokeMs),
                        launches.stream().map(LaunchResult::status).toList()));
            }
        }
        return results;
    }

    /** What the child JVMs reported as {@code java.runtime.version}. */
    public String jvmVersion() {
        return jvmVersion;
    }

    /** Class-data-sharing and similar warnings the child JVMs printed, once each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The training run: the handler once, writing its archive at exit. Returns the options that map it. */
    private List<String> train(JvmVariant variant, ColdTarget target) {
        Path archive = workDir.resolve("cds").resolve(target.name() + ".jsa");
        try {
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + archive, e);
        }
        List<String> training = new ArrayList<>(variant.options());
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        launch(variant.name() + "-train-" + target.name(), target, training);
        if (!Files.isRegularFile(archive)) {
            warnings.add("No class-data archive was written for " + target.name() + " (" + archive + ")");
        } else {
            progress("cold %-8s %-11s archive %s (%.1f MB)", variant.name(), target.name(), archive.getFileName(),
                    size(archive) / 1e6);
        }
        List<String> options = new ArrayList<>(variant.options());
        options.add("-XX:SharedArchiveFile=" + archive);
        return options;
    }

    private LaunchResult launch(String label, ColdTarget target, List<String> options) {
        Path event = target.createsOrder() ? orderEvents.writeCreateEvent(workDir.resolve("events"))
                : target.sampleEvent();
        LaunchResult result = jvm.launch(label, target, options, event);
        if (result.exitCode() != 0 || result.status() != target.expectedStatus()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s: %s answered %s (exit code %d) where %d was expected. Its output (%s) ends with:%n%s",
                    label, target.handlerClass(), result.status() < 0 ? "nothing" : result.status(),
                    result.exitCode(), target.expectedStatus(), result.log(), tail(result.log())));
        }
        jvmVersion = result.jvm();
        warnings.addAll(result.warnings());
        return result;
    }

    private static List<Double> values(List<LaunchResult> launches, ToDoubleFunction<LaunchResult> field) {
        return launches.stream().map(field::applyAsDouble).toList();
    }

    private static double median(List<LaunchResult> launches, ToDoubleFunction<LaunchResult> field) {
        return Stats.of(values(launches, field)).median();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    static void progress(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
