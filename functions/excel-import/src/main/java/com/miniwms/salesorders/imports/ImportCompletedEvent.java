package com.miniwms.salesorders.imports;

import java.time.Instant;

/**
 * The detail of the {@code OrderImportCompleted} event (schema in {@code schemas/events/}): what became of an
 * upload, in counts. It names no customer and no cell value; the import record has the errors.
 */
public record ImportCompletedEvent(
        String eventId,
        String eventType,
        Instant occurredAt,
        String importId,
        ImportStatus status,
        String bucket,
        String key,
        String fileName,
        boolean dryRun,
        ImportMode mode,
        int ordersCreated,
        int ordersUpdated,
        int ordersUnchanged,
        int ordersRejected,
        int lines,
        int errorCount,
        String reportKey) {

    public static final String TYPE = "OrderImportCompleted";

    /** The id is the import's: a repeated announcement of the same import can be dropped by it. */
    public static ImportCompletedEvent of(ImportRecord record, String bucket) {
        ImportCounts counts = record.counts();
        return new ImportCompletedEvent(record.importId(), TYPE, record.finishedAt(), record.importId(),
                record.status(), bucket, record.objectKey(), record.fileName(), record.dryRun(), record.mode(),
                counts.ordersCreated(), counts.ordersUpdated(), counts.ordersUnchanged(), counts.ordersRejected(),
                counts.lines(), record.errorCount(), record.reportKey());
    }
}
