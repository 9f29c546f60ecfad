package com.miniwms.salesorders.imports;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link ImportRepository} with the same conditional rules, for unit tests. */
public final class InMemoryImportRepository implements ImportRepository {
    private final Map<String, ImportRecord> records = new HashMap<>();

    @Override
    public synchronized boolean create(ImportRecord record) {
        return records.putIfAbsent(record.importId(), record) == null;
    }

    @Override
    public synchronized Optional<ImportRecord> find(String importId) {
        return Optional.ofNullable(records.get(importId));
    }

    @Override
    public synchronized Optional<ImportRecord> claim(String importId, Instant now, Instant staleBefore) {
        ImportRecord current = records.get(importId);
        if (current == null || current.status().isFinal()) {
            return Optional.empty();
        }
        if (current.status() == ImportStatus.PROCESSING && !current.startedAt().isBefore(staleBefore)) {
            return Optional.empty();
        }
        ImportRecord claimed = current.processing(now);
        records.put(importId, claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized void finish(ImportRecord record) {
        ImportRecord current = records.get(record.importId());
        if (current == null || current.status() != ImportStatus.PROCESSING
                || !current.startedAt().equals(record.startedAt())) {
            throw new IllegalStateException("not claimed: " + record.importId());
        }
        records.put(record.importId(), record);
    }

    @Override
    public synchronized List<ImportRecord> recent(int limit) {
        return records.values().stream()
                .sorted(Comparator.comparing(ImportRecord::createdAt).reversed())
                .limit(limit).toList();
    }
}
