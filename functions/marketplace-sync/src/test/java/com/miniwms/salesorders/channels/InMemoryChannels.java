package com.miniwms.salesorders.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory connection store, credential store and scheduler with the real ones' rules, for unit tests. */
public final class InMemoryChannels implements ConnectionStore, CredentialStore, SyncScheduler, SyncStarter {
    final Map<String, ChannelConnection> connections = new TreeMap<>();
    final Map<String, Map<String, String>> secrets = new TreeMap<>();
    final Map<String, String> schedules = new TreeMap<>();
    final List<String> started = new ArrayList<>();

    @Override
    public synchronized Optional<ChannelConnection> find(String connectionId) {
        return Optional.ofNullable(connections.get(connectionId));
    }

    @Override
    public synchronized List<ChannelConnection> list() {
        return new ArrayList<>(connections.values());
    }

    @Override
    public synchronized void save(ChannelConnection connection, long expectedVersion) {
        ChannelConnection current = connections.get(connection.connectionId());
        if (current == null ? expectedVersion != 0 : current.version() != expectedVersion) {
            throw new ConnectionConflictException(connection.connectionId());
        }
        connections.put(connection.connectionId(), connection);
    }

    @Override
    public synchronized void delete(ChannelConnection connection) {
        ChannelConnection current = connections.get(connection.connectionId());
        if (current == null || current.version() != connection.version()) {
            throw new ConnectionConflictException(connection.connectionId());
        }
        connections.remove(connection.connectionId());
    }

    @Override
    public synchronized void put(String connectionId, Map<String, String> credentials) {
        secrets.put(connectionId, Map.copyOf(credentials));
    }

    @Override
    public synchronized Optional<Map<String, String>> get(String connectionId) {
        return Optional.ofNullable(secrets.get(connectionId));
    }

    @Override
    public synchronized void delete(String connectionId) {
        secrets.remove(connectionId);
    }

    @Override
    public synchronized void put(String connectionId, String expression, boolean enabled) {
        schedules.put(connectionId, expression + (enabled ? "" : " (disabled)"));
    }

    @Override
    public synchronized void remove(String connectionId) {
        schedules.remove(connectionId);
    }

    @Override
    public synchronized void start(String connectionId, String syncId) {
        started.add(connectionId + "/" + syncId);
    }
}
