package com.miniwms.salesorders.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.http.HttpException;
import com.miniwms.salesorders.sync.SyncStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Channel connections: create, replace, read and remove them, with their credentials in the credential store and
 * their sync schedule kept in step.
 */
public final class ChannelService {
    private final ConnectionStore connections;
    private final CredentialStore credentials;
    private final SyncScheduler scheduler;
    private final SyncStore syncs;
    private final SyncStarter starter;
    private final Clock clock;

    public ChannelService(ConnectionStore connections, CredentialStore credentials, SyncScheduler scheduler,
                          SyncStore syncs, SyncStarter starter, Clock clock) {
        this.connections = connections;
        this.credentials = credentials;
        this.scheduler = scheduler;
        this.syncs = syncs;
        this.starter = starter;
        this.clock = clock;
    }

    /** Starts a run of an enabled connection now; the run records itself in the history under the returned id. */
    public String startSync(String connectionId) {
        ChannelConnection connection = get(connectionId);
        if (!connection.enabled()) {
            throw new HttpException(409, "Conflict", "Connection " + connectionId + " is disabled; enable it first");
        }
        String syncId = java.util.UUID.randomUUID().toString();
        starter.start(connectionId, syncId);
        return syncId;
    }

    /** Creates or replaces a connection; answers whether it was created. */
    public Saved put(String connectionId, JsonNode body) {
        ConnectionRequest.checkConnectionId(connectionId);
        Optional<ChannelConnection> existing = connections.find(connectionId);
        ConnectionRequest request = ConnectionRequest.parse(body, existing.isEmpty());
        if (existing.isPresent() && existing.get().type() != request.type()) {
            throw new HttpException(409, "Conflict", "Connection " + connectionId + " is a " + existing.get().type()
                    + " connection; its type cannot change (delete it and create a new one)");
        }
        Instant now = clock.instant();
        List<String> set = existing.map(ChannelConnection::credentialsSet).orElse(List.of());
        Instant changed = existing.map(ChannelConnection::credentialsChangedAt).orElse(null);
        if (request.credentials() != null) {
            credentials.put(connectionId, request.credentials());
            set = request.credentials().keySet().stream().sorted().toList();
            changed = now;
        }
        long version = existing.map(ChannelConnection::version).orElse(0L);
        ChannelConnection connection = new ChannelConnection(connectionId, request.type(), request.enabled(),
                request.schedule(), request.settings(), set, changed, version + 1,
                existing.map(ChannelConnection::createdAt).orElse(now), now);
        try {
            connections.save(connection, version);
        } catch (ConnectionConflictException e) {
            throw new HttpException(409, "Conflict", e.getMessage());
        }
        scheduler.put(connectionId, connection.schedule(), connection.enabled());
        return new Saved(connection, existing.isEmpty());
    }

    public ChannelConnection get(String connectionId) {
        ConnectionRequest.checkConnectionId(connectionId);
        return connections.find(connectionId).orElseThrow(() -> notFound(connectionId));
    }

    public List<ChannelConnection> list() {
        return connections.list();
    }

    public void delete(String connectionId) {
        ChannelConnection connection = get(connectionId);
        scheduler.remove(connectionId);
        try {
            connections.delete(connection);
        } catch (ConnectionConflictException e) {
            throw new HttpException(409, "Conflict", e.getMessage());
        }
        credentials.delete(connectionId);
    }

    public SyncStore.RunPage syncs(String connectionId, int limit, String cursor) {
        get(connectionId);
        try {
            return syncs.runs(connectionId, limit, cursor);
        } catch (IllegalArgumentException e) {
            throw HttpException.badParameter("cursor", "is not a cursor of this list");
        }
    }

    public SyncStore syncStore() {
        return syncs;
    }

    private static HttpException notFound(String connectionId) {
        return new HttpException(404, "Not found", "No channel connection " + connectionId);
    }

    public record Saved(ChannelConnection connection, boolean created) {
    }
}
