package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.domain.Channel;

import java.time.Instant;

/**
 * The detail of {@code ChannelSyncCompleted} and {@code ChannelSyncFailed} (schemas in {@code schemas/events/}):
 * how one sync run ended, in counts. It names no order and no customer, and carries no credential; the run's
 * history entry has the errors.
 */
public record ChannelSyncEvent(
        String eventId,
        String eventType,
        Instant occurredAt,
        String syncId,
        Channel channel,
        String connectionId,
        SyncStatus status,
        Instant startedAt,
        Instant windowFrom,
        Instant windowTo,
        int pages,
        int ordersCreated,
        int ordersUpdated,
        int ordersUnchanged,
        int ordersFailed,
        int errorCount,
        String error) {

    public static final String COMPLETED = "ChannelSyncCompleted";
    public static final String FAILED = "ChannelSyncFailed";
    /** The longest {@code error} the schema allows. */
    static final int MAX_ERROR_CHARS = 1000;

    /**
     * The id joins the run's id and its status: re-announcing a saved run gives the same id, while a "sync now"
     * whose invocation is retried runs again under the same run id and may end otherwise.
     */
    public static ChannelSyncEvent of(FinishedSync sync) {
        SyncRecord run = sync.run();
        SyncCounts counts = run.counts();
        FetchWindow window = sync.window();
        return new ChannelSyncEvent(run.syncId() + ":" + run.status(), sync.failed() ? FAILED : COMPLETED,
                run.finishedAt(), run.syncId(), sync.channel(), run.connectionId(), run.status(), run.startedAt(),
                window == null ? null : window.from(), window == null ? null : window.to(), run.pages(),
                counts.created(), counts.updated(), counts.unchanged(), counts.failed(), run.errors().size(),
                sync.failed() ? capped(sync.failure()) : null);
    }

    private static String capped(String message) {
        return message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS - 3) + "..." : message;
    }
}
