package com.miniwms.salesorders.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sync's own records, per channel connection: its state and lease, its run history, and what it applied to each
 * external order. Every write is conditional; the writes of a run require that it still holds the lease.
 */
public interface SyncStore {

    /**
     * Takes the connection's lease for {@code owner} until {@code now + ttl}, if nobody holds an unexpired one.
     *
     * @return whether {@code owner} holds it now
     */
    boolean acquireLease(String connectionId, String owner, Instant now, Duration ttl);

    /** Gives the lease up, if {@code owner} still holds it. */
    void releaseLease(String connectionId, String owner);

    SyncState state(String connectionId);

    /**
     * Records the window a run is reading and the cursor of the next page to read.
     *
     * @throws LeaseLostException {@code owner} no longer holds the lease
     */
    void saveProgress(String connectionId, String owner, FetchWindow window, String nextCursor);

    /**
     * Moves the watermark and clears the run in flight.
     *
     * @throws LeaseLostException {@code owner} no longer holds the lease
     */
    void complete(String connectionId, String owner, Instant watermark);

    /** Creates ({@link SyncStatus#RUNNING}) or replaces (the finished run) one history entry. */
    void saveRun(SyncRecord run);

    /** The connection's runs, newest first. */
    RunPage runs(String connectionId, int limit, String cursor);

    Optional<ExternalOrderState> externalOrder(String connectionId, String externalOrderId);

    /**
     * Stores what was applied to an external order, if what is stored was last applied at {@code expectedApplied}
     * ({@code null}: nothing stored yet).
     *
     * @throws ConcurrentSyncException another writer stored something else first
     */
    void saveExternalOrder(ExternalOrderState state, Instant expectedApplied);

    /** External orders that are flagged for a person. */
    List<ExternalOrderState> flagged(String connectionId);

    /** One page of the run history and the cursor of the next one. */
    record RunPage(List<SyncRecord> items, String nextCursor) {
    }
}
