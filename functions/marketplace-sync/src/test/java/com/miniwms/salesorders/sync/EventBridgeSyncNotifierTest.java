package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.aws.EventBusPublisher;
import com.miniwms.salesorders.aws.RecordingEventBridge;
import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.events.EventSchemas;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventBridgeSyncNotifierTest {
    private static final Instant STARTED = Instant.parse("2026-12-03T10:00:00Z");
    private static final FinishedSync FAILED = new FinishedSync(Channel.SHOPIFY, new SyncRecord("main-store", "s-1",
            SyncStatus.FAILED, STARTED, STARTED.plusSeconds(5), 0, SyncCounts.NONE,
            List.of("Shopify refused the access token (HTTP 401)")), null,
            "Shopify refused the access token (HTTP 401)");

    private final List<String> warnings = new ArrayList<>();

    @Test
    void aFinishedRunIsPublishedUnderItsDetailType() {
        RecordingEventBridge events = new RecordingEventBridge(0);

        new EventBridgeSyncNotifier(new EventBusPublisher(events, "bus-1"), warnings::add).finished(FAILED);

        assertThat(events.sent).singleElement().satisfies(entry -> {
            assertThat(entry.detailType()).isEqualTo(ChannelSyncEvent.FAILED);
            assertThat(entry.time()).isEqualTo(STARTED.plusSeconds(5));
            assertThat(EventSchemas.problems(entry.detailType(), entry.detail())).isEmpty();
        });
        assertThat(warnings).isEmpty();
    }

    @Test
    void anEventTheBusKeepsRefusingIsReportedAndDoesNotFailTheRun() {
        RecordingEventBridge events = new RecordingEventBridge(10);

        new EventBridgeSyncNotifier(new EventBusPublisher(events, "bus-1"), warnings::add).finished(FAILED);

        assertThat(events.sent).hasSize(3);
        assertThat(warnings).singleElement().asString()
                .startsWith("ChannelSyncFailed of sync s-1 was not published: The bus refused");
    }
}
