package com.miniwms.salesorders.bench;

import java.util.List;

/**
 * One handler in one JVM variant over all its runs. Times in milliseconds.
 *
 * @param variant the {@link JvmVariant#name()}
 * @param target the handler ({@link ColdTarget#name()})
 * @param startToResponse JVM start to first response, over the runs
 * @param ratioToNoOp median start-to-response over the no-op's median in the same variant
 * @param spawnToExit process spawn to exit, seen from the benchmark
 * @param startToMainMs median JVM start to the launcher's main
 * @param eventMs median event binding
 * @param initMs median handler construction
 * @param invokeMs median first invocation
 * @param statuses the response status of each run
 */
public record ColdResult(String variant, String target, Stats startToResponse, double ratioToNoOp,
                         Stats spawnToExit, double startToMainMs, double eventMs, double initMs, double invokeMs,
                         List<Integer> statuses) {
}
