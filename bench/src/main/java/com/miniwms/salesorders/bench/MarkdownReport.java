package com.miniwms.salesorders.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@link BenchResults} as Markdown tables. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(BenchResults results) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark: sales-order API functions\n\n");
        md.append("- Run ").append(results.generatedAt()).append(" with JVM ").append(results.jvm()).append(" (")
                .append(results.javaExecutable()).append(") on ").append(results.platform()).append(".\n");
        md.append("- Lambda runs these functions on `java21` (arm64): absolute times here are not Lambda's. "
                + "Each figure is a ratio against a baseline measured in the same run.\n");
        md.append("- Cold start: ").append(results.runs()).append(" fresh JVMs per handler and JVM variant, median. "
                + "Warm: one JVM (").append(options(results.warmJvmOptions())).append("), after a warm-up.\n\n");

        cold(md, results);
        warm(md, results);
        artifacts(md, results);

        md.append("## Notes\n\n");
        for (String note : results.notes()) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    private static void cold(StringBuilder md, BenchResults results) {
        List<ColdResult> cold = results.cold();
        md.append("## Cold start: JVM start to first response\n\n");
        md.append(String.format(Locale.ROOT, "Median ms (× the no-op's median in the same variant). Goal: within "
                + "%.0f× of the no-op; ambitious goal: %.0f×.%n%n", BenchResults.COLD_GOAL,
                BenchResults.COLD_AMBITIOUS_GOAL));
        List<String> variants = results.variants().stream().map(JvmVariant::name).toList();
        Set<String> targets = new LinkedHashSet<>();
        cold.forEach(r -> targets.add(r.target()));

        md.append("| Handler |");
        variants.forEach(v -> md.append(' ').append(v).append(" |"));
        md.append(" Best × no-op | ≤ ").append(number(BenchResults.COLD_GOAL)).append("× | ≤ ")
                .append(number(BenchResults.COLD_AMBITIOUS_GOAL)).append("× |\n|---|");
        variants.forEach(v -> md.append("---:|"));
        md.append("---:|:---:|:---:|\n");
        for (String target : targets) {
            md.append("| ").append(target).append(" |");
            double best = Double.MAX_VALUE;
            for (String variant : variants) {
                Optional<ColdResult> result = find(cold, variant, target);
                if (result.isPresent()) {
                    ColdResult r = result.get();
                    md.append(String.format(Locale.ROOT, " %.0f (%.2f×) |", r.startToResponse().median(),
                            r.ratioToNoOp()));
                    best = Math.min(best, r.ratioToNoOp());
                } else {
                    md.append(" – |");
                }
            }
            boolean baseline = target.equals(ApiTargets.NO_OP);
            md.append(String.format(Locale.ROOT, " %.2f× | %s | %s |%n", best,
                    baseline ? "–" : yesNo(best <= BenchResults.COLD_GOAL),
                    baseline ? "–" : yesNo(best <= BenchResults.COLD_AMBITIOUS_GOAL)));
        }
        md.append("\nJVM variants:\n\n");
        for (JvmVariant variant : results.variants()) {
            md.append("- `").append(variant.name()).append("`: ").append(variant.description()).append('\n');
        }

        md.append("\nWhere the time goes (medians, ms): JVM start to the launcher's `main`, binding the event, "
                + "building the handler, the first invocation with writing the response; and process spawn to exit "
                + "as the benchmark sees it.\n\n");
        md.append("| Variant | Handler | Start → response | min – max | Start → main | Event | Init | First invoke "
                + "| Spawn → exit |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ColdResult r : cold) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f – %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
                    r.variant(), r.target(), r.startToResponse().median(), r.startToResponse().min(),
                    r.startToResponse().max(), r.startToMainMs(), r.eventMs(), r.initMs(), r.invokeMs(),
                    r.spawnToExit().median()));
        }
        md.append('\n');
    }

    private static void warm(StringBuilder md, BenchResults results) {
        md.append("## Warm: per request, handler against the bare DynamoDB call\n\n");
        md.append(String.format(Locale.ROOT, "Microseconds per request; handler and bare call alternate. Goal: "
                + "within %s× of the bare call (medians).%n%n", number(BenchResults.WARM_GOAL)));
        md.append("| Request | Timed | Handler median | Handler p90 | Bare median | Bare p90 | × bare | ≤ ")
                .append(number(BenchResults.WARM_GOAL)).append("× |\n|---|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (WarmResult r : results.warm()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.2f× | %s |%n", r.name(),
                    r.iterations(), r.handlerMicros().median(), r.handlerMicros().p90(), r.bareMicros().median(),
                    r.bareMicros().p90(), r.ratio(), yesNo(r.ratio() <= BenchResults.WARM_GOAL)));
        }
        md.append('\n');
        for (WarmResult r : results.warm()) {
            md.append("- ").append(r.name()).append(": ").append(r.handler()).append("; against ").append(r.bare())
                    .append(".\n");
        }
        md.append('\n');
    }

    private static void artifacts(StringBuilder md, BenchResults results) {
        md.append("## Artifact sizes\n\n");
        md.append(String.format(Locale.ROOT, "1 MB = 1,000,000 bytes. Goal for the API functions: under %s MB.%n%n",
                number(ArtifactSizes.API_GOAL_BYTES / 1e6)));
        md.append("| CodeUri | Functions | MB | Bytes | Files | AWS SDK HTTP clients | Under goal |\n"
                + "|---|---|---:|---:|---:|---|:---:|\n");
        for (ArtifactSize a : results.artifacts()) {
            String goal = !a.built() ? "not built" : a.goalBytes() <= 0 ? "–" : yesNo(a.withinGoal());
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %d | %s | %s |%n", a.codeUri(),
                    String.join(", ", a.functions()), a.built() ? String.format(Locale.ROOT, "%.2f", a.bytes() / 1e6)
                            : "–", a.built() ? String.format(Locale.ROOT, "%,d", a.bytes()) : "–", a.entries(),
                    a.httpClients().isEmpty() ? "none" : String.join(", ", a.httpClients()), goal));
        }
        md.append('\n');
    }

    private static Optional<ColdResult> find(List<ColdResult> results, String variant, String target) {
        return results.stream().filter(r -> r.variant().equals(variant) && r.target().equals(target)).findFirst();
    }

    private static String yesNo(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String options(List<String> options) {
        List<String> shown = new ArrayList<>(options);
        return shown.isEmpty() ? "default options" : "`" + String.join(" ", shown) + "`";
    }
}
