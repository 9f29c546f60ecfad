package com.miniwms.salesorders.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@link BenchMain}.
 *
 * @param runs fresh JVMs per handler and JVM variant (the median is reported)
 * @param warmIterations timed requests per warm measurement, after a warm-up
 * @param java the {@code java} executable for the fresh JVMs (default: the one running the benchmark)
 * @param launcherJar the cold-start launcher jar ({@code bench/target/bench-launcher.jar})
 * @param outputDir where results, run logs and class-data archives go ({@code bench/target})
 * @param jvmOptions extra options for every fresh JVM, before the variant's own
 */
public record BenchOptions(int runs, int warmIterations, Path java, Path launcherJar, Path outputDir,
                           List<String> jvmOptions) {

    static final String USAGE = """
            usage: BenchMain [--runs N] [--warm-iterations M] [--java PATH] [--launcher-jar PATH] [--out DIR]
                             [--jvm-option OPTION]...
              --runs N             fresh JVMs per handler and JVM variant; the median is reported (default 5)
              --warm-iterations M  timed warm requests per measurement (default 2000; CreateOrder uses M/4)
              --java PATH          java executable for the fresh JVMs (default: this JVM's)
              --launcher-jar PATH  the cold-start launcher (default: <project>/bench/target/bench-launcher.jar)
              --out DIR            output folder (default: <project>/bench/target)
              --jvm-option OPTION  extra option for every fresh JVM (repeatable)
            """;

    public BenchOptions {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        if (warmIterations < 1) {
            throw new IllegalArgumentException("--warm-iterations must be at least 1");
        }
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Parses the arguments; {@code null} when help was asked for. */
    static BenchOptions parse(String[] args, Path projectRoot) {
        int runs = 5;
        int warm = 2000;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path launcher = projectRoot.resolve("bench/target/bench-launcher.jar");
        Path out = projectRoot.resolve("bench/target");
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--runs" -> runs = positive(arg, value(args, ++i, arg));
                case "--warm-iterations" -> warm = positive(arg, value(args, ++i, arg));
                case "--java" -> java = Path.of(value(args, ++i, arg));
                case "--launcher-jar" -> launcher = Path.of(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--jvm-option" -> jvmOptions.add(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        return new BenchOptions(runs, warm, java, launcher.toAbsolutePath(), out.toAbsolutePath(), jvmOptions);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a whole number from 1; got " + value);
    }
}
