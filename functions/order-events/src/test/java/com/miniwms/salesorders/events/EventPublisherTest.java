package com.miniwms.salesorders.events;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Batching, retry, bisection and dead-lettering of the publisher, with a scripted bus. */
class EventPublisherTest {

    /** A bus that answers each call with the given function and remembers what it was sent. */
    private static final class ScriptedBus implements EventSink {
        final List<List<String>> calls = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();
        final Function<List<PutEventsRequestEntry>, List<PutEventsResultEntry>> script;

        ScriptedBus(Function<List<PutEventsRequestEntry>, List<PutEventsResultEntry>> script) {
            this.script = script;
        }

        @Override
        public List<PutEventsResultEntry> put(List<PutEventsRequestEntry> entries) {
            calls.add(entries.stream().map(PutEventsRequestEntry::detail).toList());
            List<PutEventsResultEntry> results = script.apply(entries);
            for (int i = 0; i < entries.size(); i++) {
                if (results.get(i).errorCode() == null) {
                    accepted.add(entries.get(i).detail());
                }
            }
            return results;
        }
    }

    private final List<String> deadLetters = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();

    private static PutEventsResultEntry ok() {
        return PutEventsResultEntry.builder().eventId(UUID.randomUUID().toString()).build();
    }

    private static PutEventsResultEntry refused() {
        return PutEventsResultEntry.builder().errorCode("InternalFailure").errorMessage("try again").build();
    }

    private static EventPublisher.Work record(String id, String... details) {
        List<OrderEvent> events = new ArrayList<>();
        for (String detail : details) {
            events.add(new OrderEvent(detail, OrderEventType.SalesOrderUpdated, Instant.EPOCH, detail));
        }
        return new EventPublisher.Work(id, Map.of("pk", "HISTORY#" + id), events, null);
    }

    private EventPublisher publisher(EventSink bus) {
        return new EventPublisher(bus, deadLetters::add, "bus", pauses::add);
    }

    @Test
    void entriesGoOutInCallsOfAtMostTenInRecordOrder() {
        ScriptedBus bus = new ScriptedBus(entries -> entries.stream().map(e -> ok()).toList());
        List<EventPublisher.Work> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(record("r" + i, "e" + i));
        }
        EventPublisher.Outcome outcome = publisher(bus).publish(batch);

        assertThat(bus.calls).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(bus.accepted).containsExactlyElementsOf(batch.stream().map(w -> w.events().get(0).detail()).toList());
        assertThat(outcome.published()).isEqualTo(25);
        assertThat(outcome.failedRecordIds()).isEmpty();
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void onlyTheEntriesTheBusRefusedAreSentAgain() {
        List<String> refuseOnce = new ArrayList<>(List.of("b", "d"));
        ScriptedBus bus = new ScriptedBus(entries -> entries.stream()
                .map(e -> refuseOnce.remove(e.detail()) ? refused() : ok()).toList());
        EventPublisher.Outcome outcome = publisher(bus).publish(List.of(record("1", "a", "b"), record("2", "c", "d", "e")));

        assertThat(bus.calls).containsExactly(List.of("a", "b", "c", "d", "e"), List.of("b", "d"));
        assertThat(bus.accepted).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(outcome.published()).isEqualTo(5);
        assertThat(pauses).hasSize(1);
    }

    @Test
    void anEntryRefusedOnEveryAttemptSendsItsRecordToTheDeadLetterQueueAndTheOthersCarryOn() {
        ScriptedBus bus = new ScriptedBus(entries -> entries.stream()
                .map(e -> e.detail().equals("poison") ? refused() : ok()).toList());
        EventPublisher.Outcome outcome = publisher(bus).publish(List.of(record("1", "a"), record("2", "poison", "x"),
                record("3", "c")));

        assertThat(bus.calls).hasSize(EventPublisher.MAX_ATTEMPTS);
        assertThat(bus.calls.subList(1, bus.calls.size())).allSatisfy(call -> assertThat(call).containsExactly("poison"));
        assertThat(bus.accepted).containsExactly("a", "x", "c");
        assertThat(outcome.failedRecordIds()).isEmpty();
        assertThat(outcome.deadLettered()).isEqualTo(1);
        assertThat(deadLetters).singleElement().asString().contains("\"recordId\":\"2\"").contains("InternalFailure")
                .doesNotContain("\"x\"");
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void aCallRefusedAsAWholeIsBisectedUntilTheBadEntryStandsAlone() {
        ScriptedBus bus = new ScriptedBus(entries -> {
            if (entries.stream().anyMatch(e -> e.detail().equals("bad"))) {
                throw (EventBridgeException) EventBridgeException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build();
            }
            return entries.stream().map(e -> ok()).toList();
        });
        EventPublisher.Outcome outcome = publisher(bus).publish(List.of(record("1", "a", "b"), record("2", "bad"),
                record("3", "c", "d", "e", "f")));

        assertThat(bus.accepted).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
        assertThat(bus.calls).contains(List.of("bad"));
        assertThat(outcome.deadLettered()).isEqualTo(1);
        assertThat(deadLetters).singleElement().asString().contains("ValidationException");
        assertThat(outcome.failedRecordIds()).isEmpty();
    }

    @Test
    void whenTheBusCannotBeReachedTheRecordsAreReportedForLambdaToRetry() {
        ScriptedBus bus = new ScriptedBus(entries -> {
            throw SdkClientException.create("connection refused");
        });
        EventPublisher.Outcome outcome = publisher(bus).publish(List.of(record("1", "a"), record("2"),
                record("3", "b")));

        assertThat(outcome.failedRecordIds()).containsExactly("1", "3");
        assertThat(deadLetters).isEmpty();
        assertThat(outcome.published()).isZero();
    }

    @Test
    void aRecordTheDeadLetterQueueRefusesIsReportedInstead() {
        ScriptedBus bus = new ScriptedBus(entries -> entries.stream().map(e -> refused()).toList());
        EventPublisher publisher = new EventPublisher(bus, message -> {
            throw SdkClientException.create("queue down");
        }, "bus", pauses::add);
        EventPublisher.Outcome outcome = publisher.publish(List.of(record("1", "a"),
                new EventPublisher.Work("2", Map.of(), List.of(), "IllegalArgumentException")));

        assertThat(outcome.failedRecordIds()).containsExactly("1", "2");
    }

    @Test
    void callsStayUnderThePutEventsSizeLimit() {
        String big = "x".repeat(100 * 1024);
        ScriptedBus bus = new ScriptedBus(entries -> entries.stream().map(e -> ok()).toList());
        publisher(bus).publish(List.of(record("1", big + "1", big + "2", big + "3", big + "4")));

        assertThat(bus.calls).extracting(List::size).containsExactly(2, 2);
    }
}
