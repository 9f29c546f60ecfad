package com.miniwms.salesorders.channels;

import com.miniwms.salesorders.sync.ExternalOrderState;
import com.miniwms.salesorders.sync.SyncRecord;
import com.miniwms.salesorders.sync.SyncStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the channel API. Credentials appear only as the names of those set. */
final class ChannelResponses {
    private ChannelResponses() {
    }

    static Map<String, Object> connection(ChannelConnection c, SyncStore syncs, boolean withDetail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectionId", c.connectionId());
        body.put("type", c.type().name());
        body.put("enabled", c.enabled());
        body.put("schedule", c.schedule());
        body.put("settings", c.settings());
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("set", c.credentialsSet());
        if (c.credentialsChangedAt() != null) {
            credentials.put("changedAt", c.credentialsChangedAt().toString());
        }
        body.put("credentials", credentials);
        body.put("createdAt", c.createdAt().toString());
        body.put("updatedAt", c.updatedAt().toString());
        List<SyncRecord> last = syncs.runs(c.connectionId(), 1, null).items();
        if (!last.isEmpty()) {
            SyncRecord run = last.get(0);
            Map<String, Object> lastSync = new LinkedHashMap<>();
            lastSync.put("syncId", run.syncId());
            lastSync.put("status", run.status().name());
            lastSync.put("startedAt", run.startedAt().toString());
            if (run.finishedAt() != null) {
                lastSync.put("finishedAt", run.finishedAt().toString());
            }
            if (!run.errors().isEmpty()) {
                lastSync.put("error", run.errors().get(0));
            }
            body.put("lastSync", lastSync);
        }
        if (withDetail) {
            body.put("attention", syncs.flagged(c.connectionId()).stream().map(ChannelResponses::flag).toList());
        }
        return body;
    }

    static Map<String, Object> syncs(SyncStore.RunPage page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(ChannelResponses::run).toList());
        body.put("nextCursor", page.nextCursor());
        return body;
    }

    private static Map<String, Object> run(SyncRecord run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("syncId", run.syncId());
        body.put("status", run.status().name());
        body.put("startedAt", run.startedAt().toString());
        if (run.finishedAt() != null) {
            body.put("finishedAt", run.finishedAt().toString());
        }
        body.put("pages", run.pages());
        body.put("counts", Map.of("created", run.counts().created(), "updated", run.counts().updated(),
                "unchanged", run.counts().unchanged(), "failed", run.counts().failed()));
        body.put("errors", run.errors());
        return body;
    }

    private static Map<String, Object> flag(ExternalOrderState state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalOrderId", state.externalOrderId());
        if (state.orderNumber() != null) {
            body.put("orderNumber", state.orderNumber());
        }
        body.put("reason", state.attention());
        return body;
    }
}
