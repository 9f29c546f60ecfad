package com.miniwms.salesorders.local;

import com.miniwms.salesorders.local.emulator.LocalLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

/**
 * Runs the EventBridge Scheduler schedules of the stack's schedule groups locally. Schedules are created at run
 * time (one per channel connection, through the Scheduler API on the emulator), so this reads them from the
 * emulator every few seconds rather than from the template: each ENABLED schedule whose target is a function of this
 * JVM invokes that function with the target's input, first soon after it appears, then at its rate capped to
 * {@code maxInterval} (a local run should not wait 15 minutes; cron expressions run at {@code maxInterval}). A
 * schedule whose previous invocation is still running is not started again. Retries and the dead-letter queue of
 * the target are not applied locally.
 */
final class SchedulerScheduleRunner implements Trigger {

    /** System property: the longest local interval in seconds (default 60). */
    static final String MAX_INTERVAL_PROPERTY = "local.schedules.maxIntervalSeconds";
    /** System property: seconds from a schedule's appearance to its first local run (default 2). */
    static final String FIRST_RUN_PROPERTY = "local.schedules.firstRunSeconds";
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");
    private static final long POLL_MILLIS = 2000;

    private final SchedulerClient scheduler;
    private final List<String> groups;
    private final Function<String, Optional<LocalFunction>> functions;
    private final Duration maxInterval;
    private final Duration firstRun;
    private final Clock clock;
    private final Map<String, Instant> nextRun = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final ExecutorService invocations;
    private final Thread poller;
    private volatile boolean stopped;

    SchedulerScheduleRunner(SchedulerClient scheduler, List<String> groups,
                            Function<String, Optional<LocalFunction>> functions, Duration maxInterval,
                            Duration firstRun, Clock clock) {
        this.scheduler = scheduler;
        this.groups = List.copyOf(groups);
        this.functions = functions;
        this.maxInterval = maxInterval;
        this.firstRun = firstRun;
        this.clock = clock;
        this.invocations = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "schedule-invoke");
            thread.setDaemon(true);
            return thread;
        });
        this.poller = new Thread(this::poll, "schedule-poller");
        this.poller.setDaemon(true);
    }

    /** Starts reading the schedules of the given groups. */
    static SchedulerScheduleRunner start(SchedulerClient scheduler, List<String> groups,
                                         Function<String, Optional<LocalFunction>> functions) {
        SchedulerScheduleRunner runner = new SchedulerScheduleRunner(scheduler, groups, functions,
                Duration.ofSeconds(Long.getLong(MAX_INTERVAL_PROPERTY, 60)),
                Duration.ofSeconds(Long.getLong(FIRST_RUN_PROPERTY, 2)), Clock.systemUTC());
        runner.poller.start();
        return runner;
    }

    @Override
    public String description() {
        return "EventBridge Scheduler schedules of " + groups + " run locally (at most every "
                + maxInterval.toSeconds() + " s)";
    }

    @Override
    public void close() {
        stopped = true;
        poller.interrupt();
        invocations.shutdownNow();
        try {
            invocations.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The local interval of a schedule expression: its rate, at most {@code max}; {@code max} for cron and
     * anything else.
     */
    static Duration localInterval(String expression, Duration max) {
        Matcher rate = expression == null ? null : RATE.matcher(expression.trim().toLowerCase(Locale.ROOT));
        if (rate == null || !rate.matches()) {
            return max;
        }
        long n = Long.parseLong(rate.group(1));
        Duration interval = switch (rate.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        return interval.compareTo(max) < 0 ? interval : max;
    }

    private void poll() {
        while (!stopped) {
            try {
                pollOnce();
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!stopped) {
                    LocalLog.warn("Reading the schedules failed: " + e.getMessage());
                    try {
                        Thread.sleep(5 * POLL_MILLIS);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    /** Reads the schedules once and starts those that are due. */
    void pollOnce() {
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>();
        for (String group : groups) {
            for (ScheduleSummary summary : scheduler.listSchedulesPaginator(r -> r.groupName(group)).schedules()) {
                String key = group + "/" + summary.name();
                seen.add(key);
                Instant due = nextRun.computeIfAbsent(key, k -> now.plus(firstRun));
                if (now.isBefore(due) || running.contains(key)) {
                    continue;
                }
                GetScheduleResponse schedule = scheduler.getSchedule(r -> r.groupName(group).name(summary.name()));
                nextRun.put(key, now.plus(localInterval(schedule.scheduleExpression(), maxInterval)));
                if (schedule.state() != ScheduleState.ENABLED || schedule.target() == null) {
                    continue;
                }
                Optional<LocalFunction> function = functions.apply(schedule.target().arn());
                if (function.isEmpty() || !function.get().loaded()) {
                    if (warned.add(key)) {
                        LocalLog.warn("Schedule " + key + " targets " + schedule.target().arn()
                                + ", which is not a function of this runtime; not run locally");
                    }
                    continue;
                }
                running.add(key);
                String input = schedule.target().input() == null ? "" : schedule.target().input();
                invocations.submit(() -> {
                    try {
                        LocalLambdaEndpoint.invoke(function.get(), input.getBytes(StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        LocalLog.warn("Schedule " + key + ": " + function.get().logicalId() + " failed: " + e);
                    } finally {
                        running.remove(key);
                    }
                });
            }
        }
        nextRun.keySet().retainAll(seen);
    }
}
