package com.miniwms.salesorders.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler on a stream event loaded the way the Lambda runtime loads it. */
class OrderEventsHandlerTest {

    @ParameterizedTest
    @Event(value = "../../events/order-events/table-stream-status-change.json", type = DynamodbEvent.class)
    void historyInsertsBecomeEventsOrderImagesAreSkippedAndAnUnreadableRecordIsDeadLettered(DynamodbEvent event) {
        List<PutEventsRequestEntry> sent = new ArrayList<>();
        List<String> deadLetters = new ArrayList<>();
        EventSink bus = entries -> {
            sent.addAll(entries);
            return entries.stream().map(e -> PutEventsResultEntry.builder().eventId("id").build()).toList();
        };
        OrderEventsHandler handler = new OrderEventsHandler(new EventPublisher(bus, deadLetters::add, "the-bus",
                duration -> { }));

        StreamsEventResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(sent).extracting(PutEventsRequestEntry::detailType)
                .containsExactly("SalesOrderStatusChanged", "SalesOrderCancelled");
        assertThat(sent).allSatisfy(entry -> {
            assertThat(entry.source()).isEqualTo(OrderEventType.SOURCE);
            assertThat(entry.eventBusName()).isEqualTo("the-bus");
            assertThat(EventSchemas.problems(entry.detailType(), entry.detail())).as(entry.detail()).isEmpty();
            assertThat(entry.detail()).contains("\"changeSource\":\"SYNC\"").contains("shopify:main-store")
                    .doesNotContain("Cancelled in the shop");
        });
        assertThat(deadLetters).singleElement().asString().contains("111100000000000000000003")
                .contains("HISTORY#SO000124").contains("unreadable");
    }
}
