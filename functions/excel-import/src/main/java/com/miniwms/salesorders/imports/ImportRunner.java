package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.imports.read.BadWorkbookException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handles one uploaded object, at least once: the import record is claimed with a conditional write before any
 * work, so a second delivery of the same notification finds it taken or finished and does nothing; a second upload
 * of the same file runs again and finds its orders unchanged.
 */
public final class ImportRunner {
    public static final String PREFIX = "imports/";
    public static final String REPORT_PREFIX = "reports/";
    /** Largest workbook accepted. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** A run that has held its claim this long is taken to have died (longer than the function's timeout). */
    static final Duration STALE_AFTER = Duration.ofMinutes(20);
    private static final Pattern API_KEY = Pattern.compile("imports/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"
            + "-[0-9a-f]{12})/([^/]+)");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What became of one notification record. */
    public enum Result { IGNORED, ALREADY_HANDLED, IMPORTED }

    private final ImportService service;
    private final ImportRepository imports;
    private final UploadStore store;
    private final ImportNotifier notifier;
    private final Clock clock;

    public ImportRunner(ImportService service, ImportRepository imports, UploadStore store, ImportNotifier notifier,
                        Clock clock) {
        this.service = service;
        this.imports = imports;
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * @param key       the object key, already URL-decoded
     * @param sequencer the notification's sequencer (differs between two uploads of one key), may be {@code null}
     * @param uploader  who uploaded, when S3 says, may be {@code null}
     */
    public Result handle(String key, String sequencer, String uploader) {
        if (key == null || !key.startsWith(PREFIX) || key.endsWith("/")) {
            return Result.IGNORED;
        }
        Optional<ImportRecord> fromApi = apiImport(key);
        String importId = fromApi.map(ImportRecord::importId).orElseGet(() -> idOf(key, sequencer));
        if (fromApi.isEmpty()) {
            UploadStore.Head head;
            try {
                head = store.head(key);
            } catch (RuntimeException e) {
                if (isMissing(e)) {
                    return Result.IGNORED;
                }
                throw e;
            }
            Map<String, String> meta = head.metadata();
            ImportMode mode;
            try {
                mode = ImportMode.parse(meta.get("import-mode"));
            } catch (IllegalArgumentException e) {
                mode = ImportMode.CREATE;
            }
            boolean dryRun = "true".equalsIgnoreCase(meta.getOrDefault("dry-run", "false"));
            imports.create(ImportRecord.pending(importId, fileName(key), dryRun, mode, clock.instant(),
                    uploader == null ? "s3-upload" : uploader, key));
        }
        Instant now = clock.instant();
        Optional<ImportRecord> claimed = imports.claim(importId, now, now.minus(STALE_AFTER));
        if (claimed.isEmpty()) {
            // Delivered again: perhaps because announcing the finished import failed the first time.
            imports.find(importId).filter(ImportRunner::finished).ifPresent(notifier::completed);
            return Result.ALREADY_HANDLED;
        }
        ImportRecord finished = run(key, claimed.get());
        imports.finish(finished);
        notifier.completed(finished);
        return Result.IMPORTED;
    }

    private ImportRecord run(String key, ImportRecord record) {
        Path file = null;
        try {
            UploadStore.Head head = store.head(key);
            if (head.size() > MAX_BYTES) {
                return record.failed("The file is " + megabytes(head.size()) + " MB; the limit is "
                        + (MAX_BYTES >> 20) + " MB. Split it into several workbooks", clock.instant());
            }
            file = Files.createTempFile("import-", ".bin");
            try {
                store.download(key, file, MAX_BYTES);
            } catch (IOException e) {
                return record.failed("The file is larger than " + (MAX_BYTES >> 20) + " MB; split it into several"
                        + " workbooks", clock.instant());
            }
            String caller = record.createdBy() == null ? "s3-upload" : record.createdBy();
            ImportService.Outcome outcome = service.run(file, record, caller);
            ImportRecord done = outcome.record();
            if (outcome.rejected() != null && done.errorCount() > 0) {
                String reportKey = REPORT_PREFIX + record.importId() + ".xlsx";
                ByteArrayOutputStream report = new ByteArrayOutputStream();
                ReportWorkbook.write(file, outcome.rejected(), outcome.allErrors(), report);
                store.put(reportKey, report.toByteArray(), XLSX);
                done = done.finished(done.status(), done.counts(), done.warnings(), outcome.allErrors(), reportKey,
                        done.finishedAt());
            }
            return done;
        } catch (BadWorkbookException e) {
            return record.failed(e.getMessage(), clock.instant());
        } catch (IOException | RuntimeException e) {
            return record.failed("The import stopped on an internal error (" + e.getClass().getSimpleName()
                    + "); upload the file again", clock.instant());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind in /tmp is removed with the execution environment
                }
            }
        }
    }

    private static boolean finished(ImportRecord record) {
        return record.finishedAt() != null && record.status() != ImportStatus.PENDING
                && record.status() != ImportStatus.PROCESSING;
    }

    private Optional<ImportRecord> apiImport(String key) {
        Matcher m = API_KEY.matcher(key);
        return m.matches() ? imports.find(m.group(1)) : Optional.empty();
    }

    /** The id of an upload that did not come through the API: the same notification always gives the same id. */
    static String idOf(String key, String sequencer) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((key + "\n" + (sequencer == null ? "" : sequencer))
                    .getBytes(StandardCharsets.UTF_8));
            return "s3-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    private static boolean isMissing(RuntimeException e) {
        String name = e.getClass().getSimpleName();
        return name.equals("NoSuchKeyException") || (e.getMessage() != null && e.getMessage().contains("404"));
    }
}
