package com.miniwms.salesorders.bench;

import java.util.List;

/**
 * Everything one benchmark run measured; written as {@code bench-results.json} and rendered as
 * {@code bench-results.md}.
 *
 * @param generatedAt when the run ended (UTC, ISO 8601)
 * @param jvm {@code java.runtime.version} of the fresh JVMs
 * @param javaExecutable the {@code java} that started them
 * @param platform operating system, architecture and processor count
 * @param runs fresh JVMs per handler and variant
 * @param warmJvmOptions the options of the JVM that ran the warm measurement
 * @param variants the JVM variants of the cold starts
 * @param cold the cold-start results, by variant then handler
 * @param warm the warm results
 * @param artifacts the function artifacts
 * @param notes how to read the figures, and what the run noticed
 */
public record BenchResults(String generatedAt, String jvm, String javaExecutable, String platform, int runs,
                           List<String> warmJvmOptions, List<JvmVariant> variants, List<ColdResult> cold,
                           List<WarmResult> warm, List<ArtifactSize> artifacts, List<String> notes) {

    /** Cold starts within this multiple of the no-op meet the goal. */
    public static final double COLD_GOAL = 8.0;
    /** Cold starts within this multiple of the no-op meet the ambitious goal. */
    public static final double COLD_AMBITIOUS_GOAL = 5.0;
    /** Warm requests within this multiple of the bare call meet the goal. */
    public static final double WARM_GOAL = 1.2;
}
