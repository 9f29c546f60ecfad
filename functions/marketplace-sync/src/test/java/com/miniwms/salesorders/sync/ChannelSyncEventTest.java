package com.miniwms.salesorders.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.events.EventSchemas;
import com.miniwms.salesorders.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelSyncEventTest {
    private static final Instant STARTED = Instant.parse("2026-12-03T10:00:00Z");
    private static final FetchWindow WINDOW = new FetchWindow(STARTED.minusSeconds(900), STARTED);

    private static SyncRecord run(SyncStatus status, SyncCounts counts, List<String> errors) {
        return new SyncRecord("main-store", "s-1", status, STARTED, STARTED.plusSeconds(42), 3, counts, errors);
    }

    private static JsonNode detail(ChannelSyncEvent event) throws Exception {
        String json = Json.MAPPER.writeValueAsString(event);
        assertThat(EventSchemas.problems(event.eventType(), json)).isEmpty();
        return Json.MAPPER.readTree(json);
    }

    @Test
    void aSucceededOrPartlySucceededRunIsCompletedWithItsCountsAndWindow() throws Exception {
        ChannelSyncEvent event = ChannelSyncEvent.of(new FinishedSync(Channel.SHOPIFY,
                run(SyncStatus.PARTIALLY_SUCCEEDED, new SyncCounts(5, 2, 7, 1), List.of("Order 9: no lines")),
                WINDOW, null));

        JsonNode detail = detail(event);

        assertThat(event.eventType()).isEqualTo(ChannelSyncEvent.COMPLETED);
        assertThat(detail.get("eventId").asText()).isEqualTo("s-1:PARTIALLY_SUCCEEDED");
        assertThat(detail.get("occurredAt").asText()).isEqualTo("2026-12-03T10:00:42Z");
        assertThat(detail.get("windowFrom").asText()).isEqualTo("2026-12-03T09:45:00Z");
        assertThat(detail.get("ordersUnchanged").asInt()).isEqualTo(7);
        assertThat(detail.get("ordersFailed").asInt()).isEqualTo(1);
        assertThat(detail.get("errorCount").asInt()).isEqualTo(1);
        assertThat(detail.has("error")).isFalse();
        assertThat(detail(ChannelSyncEvent.of(new FinishedSync(Channel.EBAY,
                run(SyncStatus.SUCCEEDED, SyncCounts.NONE, List.of()), WINDOW, null))).get("status").asText())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void aFailedRunCarriesWhatStoppedItCutToTheSchemasLimitAndMayHaveNoWindow() throws Exception {
        String failure = "Amazon searchOrders answered HTTP 503 " + "x".repeat(2000);
        ChannelSyncEvent event = ChannelSyncEvent.of(new FinishedSync(Channel.AMAZON,
                run(SyncStatus.FAILED, SyncCounts.NONE, List.of(failure.substring(0, 497) + "...")), null,
                failure));

        JsonNode detail = detail(event);

        assertThat(event.eventType()).isEqualTo(ChannelSyncEvent.FAILED);
        assertThat(detail.get("eventId").asText()).isEqualTo("s-1:FAILED");
        assertThat(detail.get("error").asText()).hasSize(ChannelSyncEvent.MAX_ERROR_CHARS)
                .startsWith("Amazon searchOrders answered HTTP 503");
        assertThat(detail.has("windowFrom")).isFalse();
    }
}
