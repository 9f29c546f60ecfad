package com.miniwms.salesorders.channels;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.local.emulator.MotoExtension;
import com.miniwms.salesorders.local.emulator.ProvisionedStack;
import com.miniwms.salesorders.sync.DynamoDbSyncStore;
import com.miniwms.salesorders.sync.FetchWindow;
import com.miniwms.salesorders.sync.LeaseLostException;
import com.miniwms.salesorders.sync.SyncCounts;
import com.miniwms.salesorders.sync.SyncRecord;
import com.miniwms.salesorders.sync.SyncState;
import com.miniwms.salesorders.sync.SyncStatus;
import com.miniwms.salesorders.sync.SyncStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The channel and sync stores on the emulator: DynamoDB, Secrets Manager and EventBridge Scheduler. */
@ExtendWith(MotoExtension.class)
class ChannelStoresIT {
    private static final AtomicInteger RUN = new AtomicInteger();
    private DynamoDbConnectionStore connections;
    private DynamoDbSyncStore syncs;
    private SecretsManagerCredentialStore secrets;
    private String id;
    private String table;
    private DynamoDbClient dynamo;

    @BeforeEach
    void setUp(ProvisionedStack stack) {
        dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        table = stack.physicalId("OrdersTable");
        connections = new DynamoDbConnectionStore(dynamo, table);
        syncs = new DynamoDbSyncStore(dynamo, table);
        secrets = new SecretsManagerCredentialStore(SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build(), "stores-it");
        id = "conn-" + RUN.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    private ChannelConnection connection(long version) {
        Instant now = Instant.parse("2026-07-01T10:00:00Z");
        return new ChannelConnection(id, Channel.SHOPIFY, true, "rate(15 minutes)",
                Map.of("storeUrl", "https://a.myshopify.com", "apiVersion", "2026-07"), List.of("accessToken"), now,
                version, now, now);
    }

    @Test
    void aConnectionIsCreatedOnceReplacedAtItsVersionListedAndDeleted() {
        connections.save(connection(1), 0);
        assertThatThrownBy(() -> connections.save(connection(1), 0)).isInstanceOf(ConnectionConflictException.class);
        connections.save(connection(2), 1);
        assertThatThrownBy(() -> connections.save(connection(3), 1)).isInstanceOf(ConnectionConflictException.class);

        assertThat(connections.find(id)).contains(connection(2));
        assertThat(connections.list()).contains(connection(2));
        assertThatThrownBy(() -> connections.delete(connection(1))).isInstanceOf(ConnectionConflictException.class);
        connections.delete(connection(2));
        assertThat(connections.find(id)).isEmpty();
    }

    @Test
    void credentialsAreOneSecretPerConnectionAndCanBeReplacedDeletedAndSetAgain() {
        secrets.put(id, Map.of("accessToken", "shpat_one"));
        secrets.put(id, Map.of("clientId", "c", "clientSecret", "s"));
        assertThat(secrets.get(id)).contains(Map.of("clientId", "c", "clientSecret", "s"));

        secrets.delete(id);
        assertThat(secrets.get(id)).isEmpty();
        secrets.put(id, Map.of("accessToken", "shpat_two"));
        assertThat(secrets.get(id)).contains(Map.of("accessToken", "shpat_two"));
        secrets.delete(id);
        secrets.delete(id);
    }

    @Test
    void eachConnectionHasItsOwnScheduleThatFollowsIt() {
        SchedulerClient client = SchedulerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String group = "stores-it-" + id;
        client.createScheduleGroup(b -> b.name(group));
        EventBridgeSyncScheduler scheduler = new EventBridgeSyncScheduler(client, new ChannelConfig(table, "p", group,
                "arn:aws:lambda:us-east-1:123456789012:function:sync", "arn:aws:iam::123456789012:role/scheduler",
                "arn:aws:sqs:us-east-1:123456789012:dlq"));

        scheduler.put(id, "rate(15 minutes)", true);
        GetScheduleResponse created = client.getSchedule(b -> b.name("sync-" + id).groupName(group));
        assertThat(created.scheduleExpression()).isEqualTo("rate(15 minutes)");
        assertThat(created.state()).isEqualTo(ScheduleState.ENABLED);
        assertThat(created.target().input()).isEqualTo("{\"connectionId\":\"" + id + "\"}");
        assertThat(created.target().deadLetterConfig().arn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:dlq");

        scheduler.put(id, "rate(1 hour)", false);
        GetScheduleResponse changed = client.getSchedule(b -> b.name("sync-" + id).groupName(group));
        assertThat(changed.scheduleExpression()).isEqualTo("rate(1 hour)");
        assertThat(changed.state()).isEqualTo(ScheduleState.DISABLED);

        scheduler.remove(id);
        scheduler.remove(id);
        assertThatThrownBy(() -> client.getSchedule(b -> b.name("sync-" + id).groupName(group)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theLeaseIsExclusiveUntilItExpiresAndGuardsTheRunsWrites() {
        Instant now = Instant.parse("2026-07-01T10:00:00Z");
        assertThat(syncs.acquireLease(id, "a", now, Duration.ofMinutes(16))).isTrue();
        assertThat(syncs.acquireLease(id, "b", now.plusSeconds(60), Duration.ofMinutes(16))).isFalse();
        FetchWindow window = new FetchWindow(now.minusSeconds(600), now);
        syncs.saveProgress(id, "a", window, "cursor-2");
        assertThat(syncs.state(id)).isEqualTo(new SyncState(null, window, "cursor-2"));

        assertThat(syncs.acquireLease(id, "b", now.plus(Duration.ofMinutes(17)), Duration.ofMinutes(16))).isTrue();
        assertThatThrownBy(() -> syncs.saveProgress(id, "a", window, "cursor-3"))
                .isInstanceOf(LeaseLostException.class);
        syncs.complete(id, "b", now);
        assertThat(syncs.state(id)).isEqualTo(new SyncState(now, null, null));
        syncs.releaseLease(id, "a");
        assertThat(syncs.acquireLease(id, "c", now.plus(Duration.ofMinutes(18)), Duration.ofMinutes(16))).isFalse();
        syncs.releaseLease(id, "b");
        assertThat(syncs.acquireLease(id, "c", now.plus(Duration.ofMinutes(18)), Duration.ofMinutes(16))).isTrue();
    }

    @Test
    void theHistoryIsListedNewestFirstWithACursorThatCannotBeForged() {
        for (int i = 1; i <= 3; i++) {
            Instant start = Instant.parse("2026-07-01T10:00:00Z").plusSeconds(i * 60L);
            SyncRecord running = new SyncRecord(id, "s" + i, SyncStatus.RUNNING, start, null, 0, SyncCounts.NONE,
                    List.of());
            syncs.saveRun(running);
            syncs.saveRun(new SyncRecord(id, "s" + i, SyncStatus.SUCCEEDED, start, start.plusSeconds(5), i,
                    new SyncCounts(i, 0, 0, 0), List.of("note " + i)));
        }
        SyncStore.RunPage first = syncs.runs(id, 2, null);
        assertThat(first.items()).extracting(SyncRecord::syncId).containsExactly("s3", "s2");
        assertThat(first.items().get(0).errors()).containsExactly("note 3");
        SyncStore.RunPage second = syncs.runs(id, 2, first.nextCursor());
        assertThat(second.items()).extracting(SyncRecord::syncId).containsExactly("s1");

        String forged = java.util.Base64.getUrlEncoder().encodeToString("EXTERNAL#x".getBytes());
        assertThatThrownBy(() -> syncs.runs(id, 2, forged)).isInstanceOf(IllegalArgumentException.class);
    }
}
