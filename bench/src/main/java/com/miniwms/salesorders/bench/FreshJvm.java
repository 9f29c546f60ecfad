package com.miniwms.salesorders.bench;

import com.miniwms.salesorders.bench.launcher.ColdStartLauncher;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Starts {@link ColdStartLauncher} in a new JVM with the launcher jar and a function artifact as its whole class
 * path, and reads back what it reports. The child gets this process's environment without any JVM option variables
 * ({@code JAVA_TOOL_OPTIONS} and the like) or endpoint overrides, plus the target's own environment.
 */
public final class FreshJvm {
    private static final Pattern UPTIME_DECORATION = Pattern.compile("^\\[[0-9.]+s\\]");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS", "CLASSPATH");

    private final Path java;
    private final Path launcherJar;
    private final List<String> baseOptions;
    private final Path logDir;

    public FreshJvm(Path java, Path launcherJar, List<String> baseOptions, Path logDir) {
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("No java executable at " + java);
        }
        if (!Files.isRegularFile(launcherJar)) {
            throw new IllegalStateException("The cold-start launcher " + launcherJar + " is missing; build it with "
                    + "`mvn -pl bench -am package -DskipTests` (bench/run.sh does)");
        }
        this.java = java;
        this.launcherJar = launcherJar;
        this.baseOptions = List.copyOf(baseOptions);
        this.logDir = logDir;
    }

    public Path java() {
        return java;
    }

    /**
     * Runs {@code target}'s handler once on {@code event}, with {@code options} after the base options.
     *
     * @param label names the run's log file
     */
    public LaunchResult launch(String label, ColdTarget target, List<String> options, Path event) {
        if (!Files.isRegularFile(target.artifact())) {
            throw new IllegalStateException("The function artifact " + target.artifact() + " is missing; build it "
                    + "with `mvn -pl bench -am package -DskipTests` (bench/run.sh does)");
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(baseOptions);
        command.addAll(options);
        command.add("-cp");
        command.add(launcherJar + File.pathSeparator + target.artifact());
        command.add(ColdStartLauncher.class.getName());
        command.add(target.handlerClass());
        command.add(event.toString());

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        OPTION_VARIABLES.forEach(environment::remove);
        environment.keySet().removeIf(name -> name.startsWith("AWS_ENDPOINT_URL"));
        environment.putAll(target.environment());

        List<String> output = new ArrayList<>();
        String report = null;
        long spawn = System.nanoTime();
        long reported = 0;
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + java, e);
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Thread watchdog = Thread.ofVirtual().start(() -> stopAfterTimeout(process));
            String line;
            while ((line = reader.readLine()) != null) {
                if (report == null && line.startsWith(ColdStartLauncher.RESULT_PREFIX)) {
                    reported = System.nanoTime();
                    report = line;
                }
                output.add(line);
            }
            int exitCode = process.waitFor();
            long exited = System.nanoTime();
            watchdog.interrupt();
            Path log = writeLog(label, command, output);
            return parse(report, exitCode, spawn, reported, exited, log, output);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("Cannot read the output of " + label, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + label, e);
        }
    }

    private static void stopAfterTimeout(Process process) {
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException done) {
            // the process ended in time
        }
    }

    private Path writeLog(String label, List<String> command, List<String> output) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(label.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
            List<String> lines = new ArrayList<>();
            lines.add("# " + String.join(" ", command));
            lines.addAll(output);
            Files.write(log, lines, StandardCharsets.UTF_8);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run log of " + label, e);
        }
    }

    private static LaunchResult parse(String report, int exitCode, long spawn, long reported, long exited, Path log,
                                      List<String> output) {
        List<String> warnings = output.stream()
                .filter(line -> !line.startsWith(ColdStartLauncher.RESULT_PREFIX))
                .filter(line -> {
                    String lower = line.toLowerCase(Locale.ROOT);
                    return lower.contains("[cds") || lower.contains("sharing") || lower.contains("archive");
                })
                // Writing an archive skips classes it cannot hold (proxies, JFR events): expected, not a problem.
                .filter(line -> !line.contains("] Skipping "))
                .map(line -> UPTIME_DECORATION.matcher(line).replaceFirst(""))
                .toList();
        double spawnToExit = (exited - spawn) / 1e6;
        if (report == null) {
            return new LaunchResult(-1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    spawnToExit, exitCode, "?", log, warnings);
        }
        Map<String, String> values = new HashMap<>();
        for (String token : report.substring(ColdStartLauncher.RESULT_PREFIX.length()).trim().split("\\s+")) {
            int equals = token.indexOf('=');
            if (equals > 0) {
                values.put(token.substring(0, equals), token.substring(equals + 1));
            }
        }
        return new LaunchResult(Integer.parseInt(values.get("status")), number(values, "startToResponseMs"),
                number(values, "startToMainMs"), number(values, "eventMs"), number(values, "initMs"),
                number(values, "invokeMs"), (reported - spawn) / 1e6, spawnToExit, exitCode,
                values.getOrDefault("jvm", "?"), log, warnings);
    }

    private static double number(Map<String, String> values, String key) {
        String value = values.get(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }
}
