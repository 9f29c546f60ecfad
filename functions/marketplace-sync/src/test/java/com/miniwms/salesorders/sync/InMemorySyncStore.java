package com.miniwms.salesorders.sync;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@link SyncStore} in memory, with the same conditions as the DynamoDB one, for unit tests. */
final class InMemorySyncStore implements SyncStore {
    private final Map<String, SyncState> states = new HashMap<>();
    private final Map<String, String> leaseOwners = new HashMap<>();
    private final Map<String, Instant> leaseExpiries = new HashMap<>();
    private final Map<String, SyncRecord> runs = new HashMap<>();
    private final Map<String, ExternalOrderState> externalOrders = new HashMap<>();

    @Override
    public synchronized boolean acquireLease(String connectionId, String owner, Instant now, Duration ttl) {
        String holder = leaseOwners.get(connectionId);
        if (holder != null && !holder.equals(owner) && leaseExpiries.get(connectionId).isAfter(now)) {
            return false;
        }
        leaseOwners.put(connectionId, owner);
        leaseExpiries.put(connectionId, now.plus(ttl));
        return true;
    }

    @Override
    public synchronized void releaseLease(String connectionId, String owner) {
        if (owner.equals(leaseOwners.get(connectionId))) {
            leaseOwners.remove(connectionId);
            leaseExpiries.remove(connectionId);
        }
    }

    @Override
    public synchronized SyncState state(String connectionId) {
        return states.getOrDefault(connectionId, SyncState.NEW);
    }

    @Override
    public synchronized void saveProgress(String connectionId, String owner, FetchWindow window, String nextCursor) {
        requireLease(connectionId, owner);
        states.put(connectionId, new SyncState(state(connectionId).watermark(), window, nextCursor));
    }

    @Override
    public synchronized void complete(String connectionId, String owner, Instant watermark) {
        requireLease(connectionId, owner);
        states.put(connectionId, new SyncState(watermark, null, null));
    }

    @Override
    public synchronized void saveRun(SyncRecord run) {
        runs.put(run.connectionId() + "/" + run.syncId(), run);
    }

    @Override
    public synchronized RunPage runs(String connectionId, int limit, String cursor) {
        List<SyncRecord> all = new ArrayList<>(runs.values().stream()
                .filter(r -> r.connectionId().equals(connectionId))
                .sorted(Comparator.comparing(SyncRecord::startedAt).thenComparing(SyncRecord::syncId).reversed())
                .toList());
        int from = cursor == null ? 0 : Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor),
                StandardCharsets.UTF_8));
        int to = Math.min(all.size(), from + limit);
        String next = to < all.size() ? Base64.getUrlEncoder().encodeToString(
                Integer.toString(to).getBytes(StandardCharsets.UTF_8)) : null;
        return new RunPage(all.subList(from, to), next);
    }

    @Override
    public synchronized Optional<ExternalOrderState> externalOrder(String connectionId, String externalOrderId) {
        return Optional.ofNullable(externalOrders.get(connectionId + "/" + externalOrderId));
    }

    @Override
    public synchronized void saveExternalOrder(ExternalOrderState state, Instant expectedApplied) {
        String key = state.connectionId() + "/" + state.externalOrderId();
        ExternalOrderState current = externalOrders.get(key);
        Instant stored = current == null ? null : current.appliedUpdatedAt();
        if ((current == null) != (expectedApplied == null) || !Objects.equals(stored, expectedApplied)) {
            throw new ConcurrentSyncException(state.connectionId(), state.externalOrderId());
        }
        externalOrders.put(key, state);
    }

    @Override
    public synchronized List<ExternalOrderState> flagged(String connectionId) {
        return externalOrders.values().stream()
                .filter(s -> s.connectionId().equals(connectionId) && s.attention() != null)
                .sorted(Comparator.comparing(ExternalOrderState::externalOrderId))
                .toList();
    }

    synchronized String leaseOwner(String connectionId) {
        return leaseOwners.get(connectionId);
    }

    private void requireLease(String connectionId, String owner) {
        if (!owner.equals(leaseOwners.get(connectionId))) {
            throw new LeaseLostException(connectionId);
        }
    }
}
