package com.miniwms.salesorders.aws;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventBusPublisherTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void anEntryGoesToTheBusWithTheServicesSourceAndItsDetailAsJson() {
        RecordingEventBridge events = new RecordingEventBridge(0);

        new EventBusPublisher(events, "bus-1").publish("ThingHappened", AT, Map.of("thingId", "t-1"), "thing t-1");

        assertThat(events.sent).singleElement().satisfies(entry -> {
            assertThat(entry.eventBusName()).isEqualTo("bus-1");
            assertThat(entry.source()).isEqualTo(EventBusPublisher.SOURCE);
            assertThat(entry.detailType()).isEqualTo("ThingHappened");
            assertThat(entry.time()).isEqualTo(AT);
            assertThat(entry.detail()).isEqualTo("{\"thingId\":\"t-1\"}");
        });
    }

    @Test
    void aRefusedEntryIsSentAgainAndFailsTheCallWhenRefusedThreeTimes() {
        RecordingEventBridge twice = new RecordingEventBridge(2);
        new EventBusPublisher(twice, "bus-1").publish("ThingHappened", AT, Map.of(), "thing t-1");
        assertThat(twice.sent).hasSize(3);

        RecordingEventBridge always = new RecordingEventBridge(3);
        assertThatThrownBy(() -> new EventBusPublisher(always, "bus-1").publish("ThingHappened", AT, Map.of(),
                "thing t-1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("The bus refused the ThingHappened event of thing t-1 3 times"
                        + " (InternalFailure: try again)");
        assertThat(always.sent).hasSize(3);
    }
}
