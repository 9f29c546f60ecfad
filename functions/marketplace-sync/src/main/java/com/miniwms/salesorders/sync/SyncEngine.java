package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.domain.Channel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One sync run of one connection: takes the connection's lease, reads every page of orders updated since the
 * watermark (less the overlap), imports each order on its own, saves its place after every page, and moves the
 * watermark to the upper bound it asked for only once every page was read. A run that fails or runs out of time
 * keeps its window and cursor, and the next run resumes there.
 */
public final class SyncEngine {
    private final SyncStore store;
    private final ChannelOrderImporter importer;
    private final Clock clock;
    private final SyncSettings settings;
    private final SyncNotifier notifier;

    public SyncEngine(SyncStore store, ChannelOrderImporter importer, Clock clock, SyncSettings settings,
                      SyncNotifier notifier) {
        this.store = store;
        this.importer = importer;
        this.clock = clock;
        this.settings = settings;
        this.notifier = notifier;
    }

    /**
     * Runs one sync and, once its history entry is saved and the lease given up, announces how it ended. An
     * unexpected exception is recorded as FAILED, announced, and then thrown.
     *
     * @param remainingMillis the time the caller has left (the Lambda's remaining time)
     * @return the finished history entry, or {@code null} when another run holds the connection
     */
    public SyncRecord run(String connectionId, Channel channel, MarketplaceClient client, String syncId,
                          LongSupplier remainingMillis) {
        Instant started = clock.instant();
        if (!store.acquireLease(connectionId, syncId, started, settings.leaseTtl())) {
            return null;
        }
        SyncRecord running = new SyncRecord(connectionId, syncId, SyncStatus.RUNNING, started, null, 0,
                SyncCounts.NONE, List.of());
        store.saveRun(running);
        Run run = new Run();
        SyncRecord done;
        RuntimeException unexpected = null;
        try {
            SyncState state = store.state(connectionId);
            FetchWindow window;
            String cursor;
            if (state.hasRunInFlight()) {
                window = state.inFlightWindow();
                cursor = state.inFlightCursor();
            } else {
                Instant upper = client.upperBound(started).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                Instant from = state.watermark() == null ? upper.minus(settings.firstRunLookback())
                        : state.watermark().minus(settings.overlap());
                window = new FetchWindow(from.isAfter(upper) ? upper : from, upper);
                cursor = null;
                store.saveProgress(connectionId, syncId, window, null);
            }
            run.window = window;
            while (true) {
                if (remainingMillis.getAsLong() < settings.saveReserve().toMillis()) {
                    run.error("Stopped after " + run.pages + " pages to stay within the time limit; the next run"
                            + " resumes from here");
                    run.stoppedEarly = true;
                    break;
                }
                ChannelPage page = client.fetch(window, cursor);
                run.pages++;
                for (PulledOrder pulled : page.orders()) {
                    importOne(channel, connectionId, pulled, run);
                }
                cursor = page.nextCursor();
                if (cursor == null) {
                    break;
                }
                store.saveProgress(connectionId, syncId, window, cursor);
            }
            if (!run.stoppedEarly) {
                store.complete(connectionId, syncId, nextWatermark(window, run));
            }
            SyncStatus status = run.stoppedEarly || run.counts.failed() > 0 ? SyncStatus.PARTIALLY_SUCCEEDED
                    : SyncStatus.SUCCEEDED;
            done = finish(running, status, run);
        } catch (MarketplaceException | LeaseLostException e) {
            run.fail(e.getMessage());
            done = finish(running, SyncStatus.FAILED, run);
        } catch (RuntimeException e) {
            run.fail("Sync failed: " + e.getClass().getSimpleName());
            done = finish(running, SyncStatus.FAILED, run);
            unexpected = e;
        } finally {
            store.releaseLease(connectionId, syncId);
        }
        notifier.finished(new FinishedSync(channel, done, run.window, run.failure));
        if (unexpected != null) {
            throw unexpected;
        }
        return done;
    }

    /**
     * The window's end, unless an order failed: then just before the oldest failed one, so the next run reads it
     * again (an order without a readable update time holds the watermark where it was).
     */
    private static Instant nextWatermark(FetchWindow window, Run run) {
        Instant mark = window.to();
        if (run.holdWatermark) {
            return window.from();
        }
        if (run.oldestFailure != null && run.oldestFailure.isBefore(mark)) {
            mark = run.oldestFailure.isBefore(window.from()) ? window.from() : run.oldestFailure;
        }
        return mark;
    }

    private void importOne(Channel channel, String connectionId, PulledOrder pulled, Run run) {
        String problem = pulled.error();
        if (problem == null) {
            try {
                run.counts = run.counts.plus(importer.apply(channel, connectionId, pulled.order()));
                return;
            } catch (RuntimeException e) {
                problem = describe(e);
            }
        }
        run.counts = run.counts.plusFailed();
        run.error("Order " + pulled.externalOrderId() + ": " + problem);
        if (pulled.updatedAt() == null) {
            run.holdWatermark = true;
        } else if (run.oldestFailure == null || pulled.updatedAt().isBefore(run.oldestFailure)) {
            run.oldestFailure = pulled.updatedAt();
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof com.miniwms.salesorders.domain.ValidationException invalid) {
            return String.join("; ", invalid.errors().stream().map(f -> f.field() + " " + f.message()).toList());
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private SyncRecord finish(SyncRecord running, SyncStatus status, Run run) {
        SyncRecord done = new SyncRecord(running.connectionId(), running.syncId(), status, running.startedAt(),
                clock.instant(), run.pages, run.counts, run.errors);
        store.saveRun(done);
        return done;
    }

    private final class Run {
        int pages;
        SyncCounts counts = SyncCounts.NONE;
        final List<String> errors = new ArrayList<>();
        FetchWindow window;
        Instant oldestFailure;
        boolean holdWatermark;
        boolean stoppedEarly;
        /** What stopped the run: its announcement names this, not the first of its errors (perhaps an order's). */
        String failure;

        void error(String message) {
            if (errors.size() < settings.maxErrorsKept()) {
                errors.add(message.length() > 500 ? message.substring(0, 497) + "..." : message);
            }
        }

        void fail(String message) {
            failure = message;
            error(message);
        }
    }
}
