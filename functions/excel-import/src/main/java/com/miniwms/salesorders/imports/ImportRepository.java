package com.miniwms.salesorders.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where import records live. Every write is conditional, so two deliveries of one upload cannot both run it. */
public interface ImportRepository {

    /** Creates the record if no record has its id; {@code false} when one exists. */
    boolean create(ImportRecord record);

    Optional<ImportRecord> find(String importId);

    /**
     * Takes the import for processing: succeeds when it is PENDING, or PROCESSING since before {@code staleBefore}
     * (a run that died). Returns the claimed record, or empty when it is finished or another run has it.
     */
    Optional<ImportRecord> claim(String importId, Instant now, Instant staleBefore);

    /** Stores the outcome of the run that claimed the record (the claim's start time must still match). */
    void finish(ImportRecord record);

    /** The most recent imports, newest first. */
    List<ImportRecord> recent(int limit);
}
