package com.miniwms.salesorders.channels;

import com.miniwms.salesorders.domain.Channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A merchant's connection to one shop. The credentials are not here: they live in Secrets Manager, and the
 * connection only knows which of them are set and when they last changed.
 */
public record ChannelConnection(
        String connectionId,
        Channel type,
        boolean enabled,
        String schedule,
        Map<String, Object> settings,
        List<String> credentialsSet,
        Instant credentialsChangedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public ChannelConnection {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        credentialsSet = credentialsSet == null ? List.of() : List.copyOf(credentialsSet);
    }

    public String setting(String name) {
        Object value = settings.get(name);
        return value == null ? null : value.toString();
    }
}
