package com.miniwms.salesorders.events;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.history.ChangeContext;
import com.miniwms.salesorders.history.ChangeSource;
import com.miniwms.salesorders.history.OrderHistoryEntry;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events a history entry stands for, and that their details match the schemas in the repository. */
class OrderEventsTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final ChangeContext IMPORT = new ChangeContext("orders.xlsx", ChangeSource.IMPORT);

    private static SalesOrder order() {
        return new SalesOrder("SO000001", Channel.EXCEL, null, null, OrderStatus.AVAILABLE, null, "W1",
                LocalDate.of(2026, 12, 1), new ShipTo("Jane Smith", "1 Main St", null, null, "Leeds", null,
                "LS1 1AA", "GB", "0113 000", "jane@example.com"), null, null, null,
                List.of(OrderLine.of(1, "00042", null, 2, null)), 1, T0, "x", T0, "x");
    }

    private static List<OrderEventType> types(OrderHistoryEntry entry) {
        return OrderEvents.of(entry).stream().map(OrderEvent::type).toList();
    }

    @Test
    void eachKindOfChangeMapsToItsEvents() {
        SalesOrder created = order();
        SalesOrder held = created.withStatus(OrderStatus.ON_HOLD, "check").changedBy("bob", T0.plusSeconds(1));
        SalesOrder edited = held.withHeader(held.shipTo(), "W2", held.orderDate(), null, null, "n")
                .changedBy("bob", T0.plusSeconds(2));
        SalesOrder cancelled = edited.withStatus(OrderStatus.CANCELLED, "gone").changedBy("bob", T0.plusSeconds(3));
        SalesOrder both = created.withHeader(created.shipTo(), "W9", created.orderDate(), null, null, null)
                .withStatus(OrderStatus.CANCELLED, "shop").changedBy("sync", T0.plusSeconds(4));

        assertThat(types(OrderHistoryEntry.created(created, IMPORT))).containsExactly(OrderEventType.SalesOrderCreated);
        assertThat(types(OrderHistoryEntry.updated(created, held, IMPORT)))
                .containsExactly(OrderEventType.SalesOrderStatusChanged);
        assertThat(types(OrderHistoryEntry.updated(held, edited, IMPORT)))
                .containsExactly(OrderEventType.SalesOrderUpdated);
        assertThat(types(OrderHistoryEntry.updated(edited, cancelled, IMPORT)))
                .containsExactly(OrderEventType.SalesOrderStatusChanged, OrderEventType.SalesOrderCancelled);
        assertThat(types(OrderHistoryEntry.updated(created, both, IMPORT))).containsExactly(
                OrderEventType.SalesOrderUpdated, OrderEventType.SalesOrderStatusChanged,
                OrderEventType.SalesOrderCancelled);
        assertThat(types(OrderHistoryEntry.deleted(cancelled, IMPORT, T0.plusSeconds(5))))
                .containsExactly(OrderEventType.SalesOrderDeleted);
    }

    @Test
    void everyDetailMatchesItsSchemaAndCarriesNoOrderValues() {
        SalesOrder created = order();
        SalesOrder moved = created.withHeader(created.shipTo(), "W2", created.orderDate(), null, null, null)
                .withStatus(OrderStatus.CANCELLED, "gone").changedBy("bob", T0.plusSeconds(1));
        List<OrderEvent> events = new java.util.ArrayList<>();
        events.addAll(OrderEvents.of(OrderHistoryEntry.created(created, IMPORT)));
        events.addAll(OrderEvents.of(OrderHistoryEntry.updated(created, moved, ChangeContext.api("bob"))));
        events.addAll(OrderEvents.of(OrderHistoryEntry.deleted(moved, ChangeContext.api("carol"), T0)));

        assertThat(events).extracting(OrderEvent::type).containsExactlyInAnyOrder(
                OrderEventType.SalesOrderCreated, OrderEventType.SalesOrderUpdated,
                OrderEventType.SalesOrderStatusChanged, OrderEventType.SalesOrderCancelled,
                OrderEventType.SalesOrderDeleted);
        for (OrderEvent event : events) {
            assertThat(EventSchemas.problems(event.type().name(), event.detail())).as(event.detail()).isEmpty();
            assertThat(event.detail()).doesNotContain("Jane").doesNotContain("jane@example.com")
                    .doesNotContain("0113");
        }
    }

    @Test
    void theSchemasRefuseADetailThatBreaksThem() {
        OrderEvent created = OrderEvents.of(OrderHistoryEntry.created(order(), IMPORT)).get(0);
        assertThat(EventSchemas.problems("SalesOrderCreated", created.detail().replace("\"orderNumber\"", "\"x\"")))
                .isNotEmpty();
        assertThat(EventSchemas.problems("SalesOrderCreated", created.detail().replace("IMPORT", "FAX")))
                .isNotEmpty();
        assertThat(EventSchemas.problems("SalesOrderCancelled", created.detail())).isNotEmpty();
    }

    @Test
    void everyEventTypeHasASchema() {
        assertThat(Arrays.stream(OrderEventType.values()))
                .allSatisfy(type -> assertThat(EventSchemas.folder().resolve(type.name() + ".schema.json"))
                        .satisfies(path -> assertThat(Files.isRegularFile(path)).as(path.toString()).isTrue()));
    }

    @Test
    void theImportAndSyncSchemasAcceptTheirCountsAndRefuseExtraFields() {
        String imported = """
                {"eventId":"s-1","eventType":"OrderImportCompleted","occurredAt":"2026-12-03T10:00:00Z",
                 "importId":"s-1","status":"PARTIALLY_SUCCEEDED","bucket":"b","key":"imports/orders.xlsx",
                 "fileName":"orders.xlsx","dryRun":false,"mode":"create","ordersCreated":12,"ordersUpdated":0,
                 "ordersUnchanged":1,"ordersRejected":2,"lines":30,"errorCount":3,"reportKey":"reports/s-1.xlsx"}""";
        String synced = """
                {"eventId":"sync-1:SUCCEEDED","eventType":"ChannelSyncCompleted","occurredAt":"2026-12-03T10:00:00Z",
                 "syncId":"sync-1","channel":"SHOPIFY","connectionId":"main-store","status":"SUCCEEDED",
                 "startedAt":"2026-12-03T09:59:40Z","windowFrom":"2026-12-03T09:44:40Z",
                 "windowTo":"2026-12-03T09:59:40Z","pages":1,"ordersCreated":3,"ordersUpdated":1,
                 "ordersUnchanged":12,"ordersFailed":0,"errorCount":0}""";
        String failed = """
                {"eventId":"sync-2:FAILED","eventType":"ChannelSyncFailed","occurredAt":"2026-12-03T10:00:00Z",
                 "syncId":"sync-2","channel":"AMAZON","connectionId":"eu","status":"FAILED",
                 "startedAt":"2026-12-03T09:58:00Z","pages":0,"ordersCreated":0,"ordersUpdated":0,
                 "ordersUnchanged":0,"ordersFailed":0,"errorCount":1,
                 "error":"Amazon searchOrders answered HTTP 429 (gave up after retrying)"}""";
        assertThat(EventSchemas.problems("OrderImportCompleted", imported)).isEmpty();
        assertThat(EventSchemas.problems("ChannelSyncCompleted", synced)).isEmpty();
        assertThat(EventSchemas.problems("ChannelSyncFailed", failed)).isEmpty();
        assertThat(EventSchemas.problems("ChannelSyncFailed", failed.replace("\"error\"", "\"accessToken\"")))
                .isNotEmpty();
        assertThat(EventSchemas.problems("OrderImportCompleted", imported.replace("12", "-1"))).isNotEmpty();
    }

    @Test
    void eventIdsAreStablePerChangeAndType() {
        OrderHistoryEntry entry = OrderHistoryEntry.created(order(), IMPORT);
        assertThat(OrderEvents.of(entry).get(0).eventId()).isEqualTo(OrderEvents.of(entry).get(0).eventId());
        assertThat(OrderEvents.eventId(entry.changeId(), OrderEventType.SalesOrderCreated))
                .isNotEqualTo(OrderEvents.eventId(entry.changeId(), OrderEventType.SalesOrderDeleted));
    }
}
