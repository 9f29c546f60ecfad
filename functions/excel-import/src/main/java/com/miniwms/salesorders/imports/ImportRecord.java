package com.miniwms.salesorders.imports;

import java.time.Instant;
import java.util.List;

/**
 * One upload and what became of it; this is also the JSON of {@code GET /imports/{importId}}.
 * Errors hold the first {@link #MAX_ERRORS_IN_RECORD}; {@code errorCount} says how many there were, and the report
 * workbook has them all.
 */
public record ImportRecord(
        String importId,
        ImportStatus status,
        String fileName,
        boolean dryRun,
        ImportMode mode,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String createdBy,
        String objectKey,
        ImportCounts counts,
        List<String> warnings,
        List<ImportError> errors,
        int errorCount,
        String reportKey) {

    public static final int MAX_ERRORS_IN_RECORD = 1_000;
    /** Cell values longer than this are cut in the record (the report workbook has them whole). */
    public static final int MAX_VALUE_CHARS = 100;

    public ImportRecord {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        errors = errors == null ? List.of() : List.copyOf(errors);
        counts = counts == null ? ImportCounts.NONE : counts;
        mode = mode == null ? ImportMode.CREATE : mode;
    }

    public static ImportRecord pending(String importId, String fileName, boolean dryRun, ImportMode mode,
                                       Instant createdAt, String createdBy, String objectKey) {
        return new ImportRecord(importId, ImportStatus.PENDING, fileName, dryRun, mode, createdAt, null, null,
                createdBy, objectKey, ImportCounts.NONE, List.of(), List.of(), 0, null);
    }

    public ImportRecord processing(Instant now) {
        return new ImportRecord(importId, ImportStatus.PROCESSING, fileName, dryRun, mode, createdAt, now, null,
                createdBy, objectKey, counts, warnings, errors, errorCount, reportKey);
    }

    public ImportRecord finished(ImportStatus outcome, ImportCounts newCounts, List<String> newWarnings,
                                 List<ImportError> allErrors, String newReportKey, Instant now) {
        List<ImportError> kept = (allErrors.size() > MAX_ERRORS_IN_RECORD
                ? allErrors.subList(0, MAX_ERRORS_IN_RECORD) : allErrors).stream()
                .map(e -> e.value() != null && e.value().length() > MAX_VALUE_CHARS
                        ? new ImportError(e.sheet(), e.row(), e.column(), e.value().substring(0, MAX_VALUE_CHARS)
                        + "...", e.message()) : e)
                .toList();
        return new ImportRecord(importId, outcome, fileName, dryRun, mode, createdAt, startedAt, now, createdBy,
                objectKey, newCounts, newWarnings, kept, allErrors.size(), newReportKey);
    }

    /** The same record with only the first {@code count} errors (the count of all errors stays). */
    public ImportRecord withErrorsKept(int count) {
        return new ImportRecord(importId, status, fileName, dryRun, mode, createdAt, startedAt, finishedAt,
                createdBy, objectKey, counts, warnings, errors.subList(0, Math.min(count, errors.size())), errorCount,
                reportKey);
    }

    public ImportRecord failed(String reason, Instant now) {
        return finished(ImportStatus.FAILED, ImportCounts.NONE, warnings, List.of(ImportError.file(reason)), null,
                now);
    }
}
