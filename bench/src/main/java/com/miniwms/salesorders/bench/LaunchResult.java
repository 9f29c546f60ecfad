package com.miniwms.salesorders.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * One fresh JVM that ran one handler once. Times in milliseconds; the first five come from the child's own report
 * (see {@link com.miniwms.salesorders.bench.launcher.ColdStartLauncher}), the last two from this process's clock.
 *
 * @param status the handler's response status, or -1 when it gave none
 * @param startToResponseMs JVM start to the response written as JSON
 * @param startToMainMs JVM start to the launcher's {@code main}
 * @param eventMs binding the event JSON
 * @param initMs building the handler (its no-arg constructor)
 * @param invokeMs the first invocation, with writing the response
 * @param spawnToResponseMs process spawn to the child's report line arriving here
 * @param spawnToExitMs process spawn to the process's exit
 * @param exitCode the process's exit code
 * @param jvm the child's {@code java.runtime.version}
 * @param log the child's output, kept on disk
 * @param warnings class-data-sharing warnings and the like the child printed
 */
public record LaunchResult(int status, double startToResponseMs, double startToMainMs, double eventMs, double initMs,
                           double invokeMs, double spawnToResponseMs, double spawnToExitMs, int exitCode, String jvm,
                           Path log, List<String> warnings) {
}
