package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.domain.ValidationException;
import com.miniwms.salesorders.domain.VersionConflictException;
import com.miniwms.salesorders.history.ChangeAction;
import com.miniwms.salesorders.history.ChangeSource;
import com.miniwms.salesorders.history.FieldChange;
import com.miniwms.salesorders.history.HistoryPage;
import com.miniwms.salesorders.history.OrderHistoryEntry;
import com.miniwms.salesorders.local.emulator.MotoExtension;
import com.miniwms.salesorders.local.emulator.ProvisionedStack;
import com.miniwms.salesorders.service.OrderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The history is written in the same transaction as each change, against the emulator's table. */
@ExtendWith(MotoExtension.class)
class OrderHistoryIT {
    private static final AtomicInteger RUN = new AtomicInteger();

    private DynamoDbClient dynamo;
    private String table;
    private DynamoDbOrderRepository repository;
    private OrderService service;
    private String number;

    @BeforeEach
    void setUp(ProvisionedStack stack) {
        dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        table = stack.physicalId("OrdersTable");
        repository = new DynamoDbOrderRepository(dynamo, table);
        service = new OrderService(repository, Clock.systemUTC());
        number = "H" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + "X" + RUN.incrementAndGet();
    }

    private SalesOrder draft() {
        return new SalesOrder(number, Channel.MANUAL, null, null, null, null, "W1", LocalDate.of(2026, 12, 1),
                new ShipTo("Jane Smith", "1 Main St", null, null, "Leeds", null, "LS1 1AA", "GB", null, null),
                null, null, null, List.of(OrderLine.of(1, "00042", "Widget", 2, null)),
                0, null, null, null, null);
    }

    private List<OrderHistoryEntry> all() {
        return repository.history(number, 100, null).items();
    }

    @Test
    void everyKindOfChangeIsRecordedOnceNewestFirstWithWhoSourceAndValues() {
        service.create(draft(), "alice");
        service.updateHeader(number, 1, draft().shipTo(), "W7", null, null, null, "ring first", "bob");
        service.updateLine(number, 1, 2, "00042", "Widget", 5, null, "bob");
        service.withSource(ChangeSource.SYNC).changeStatus(number, 3, OrderStatus.CANCELLED, "cancelled in shop",
                "shopify:main");
        service.delete(number, 4, "carol");

        List<OrderHistoryEntry> history = all();
        assertThat(history).extracting(OrderHistoryEntry::action).containsExactly(ChangeAction.DELETED,
                ChangeAction.STATUS_CHANGED, ChangeAction.UPDATED, ChangeAction.UPDATED, ChangeAction.CREATED);
        assertThat(history).extracting(OrderHistoryEntry::version).containsExactly(4L, 4L, 3L, 2L, 1L);
        assertThat(history).extracting(OrderHistoryEntry::changedBy)
                .containsExactly("carol", "shopify:main", "bob", "bob", "alice");
        assertThat(history).extracting(OrderHistoryEntry::source).containsExactly(ChangeSource.API,
                ChangeSource.SYNC, ChangeSource.API, ChangeSource.API, ChangeSource.API);
        assertThat(history.get(1).changes()).contains(new FieldChange("status", "AVAILABLE", "CANCELLED"),
                new FieldChange("statusReason", null, "cancelled in shop"));
        assertThat(history.get(2).changes()).containsExactly(
                new FieldChange("lines[1].quantityOrdered", "2", "5"));
        assertThat(history.get(3).changes()).containsExactlyInAnyOrder(new FieldChange("wave", "W1", "W7"),
                new FieldChange("notes", null, "ring first"));
        assertThat(history.get(4).changes()).contains(new FieldChange("shipTo.city", null, "Leeds"));
        // The deleted order's history stays readable through the service too.
        assertThat(service.history(number, 10, null).items()).hasSize(5);
    }

    @Test
    void aRefusedChangeLeavesNoHistoryEntry() {
        service.create(draft(), "alice");
        assertThatThrownBy(() -> service.updateHeader(number, 7, draft().shipTo(), "W9", null, null, null, null,
                "bob")).isInstanceOf(VersionConflictException.class);
        SalesOrder stale = service.get(number);
        service.updateHeader(number, 1, draft().shipTo(), "W2", null, null, null, null, "bob");
        // A writer that read version 1 before bob's change loses at the conditional write itself.
        assertThatThrownBy(() -> repository.update(stale, stale.changedBy("eve", Instant.now()),
                com.miniwms.salesorders.history.ChangeContext.api("eve")))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> repository.delete(stale)).isInstanceOf(VersionConflictException.class);

        assertThat(all()).extracting(OrderHistoryEntry::changedBy).containsExactly("bob", "alice");
    }

    @Test
    void aChangeWhoseHistoryEntryCannotBeWrittenIsNotMadeEither() {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        OrderService fixed = new OrderService(repository, Clock.fixed(now, ZoneOffset.UTC));
        fixed.create(draft(), "alice");
        // Occupy the key the next change's history entry will take.
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("HISTORY#" + number),
                "sk", AttributeValue.fromS(String.format("CHANGE#%013d#%010d", now.toEpochMilli(), 2)))));

        assertThatThrownBy(() -> fixed.updateHeader(number, 1, draft().shipTo(), "W9", null, null, null, null,
                "bob")).isInstanceOf(RuntimeException.class);
        assertThat(service.get(number).version()).isEqualTo(1);
        assertThat(service.get(number).wave()).isEqualTo("W1");
    }

    @Test
    void concurrentEditsShowEveryAcceptedChangeOnceAndNoRejectedOne() throws Exception {
        service.create(draft(), "alice");
        int writers = 8;
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger rejected = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String who = "writer-" + w;
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        SalesOrder current = service.get(number);
                        String wave = who + "-" + r;
                        try {
                            service.updateHeader(number, current.version(), current.shipTo(), wave, null, null,
                                    null, null, who);
                            accepted.add(wave);
                        } catch (VersionConflictException e) {
                            rejected.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<OrderHistoryEntry> updates = all().stream().filter(e -> e.action() == ChangeAction.UPDATED).toList();
        assertThat(accepted.size() + rejected.get()).isEqualTo(writers * rounds);
        assertThat(updates).extracting(e -> e.changes().stream().filter(c -> c.field().equals("wave"))
                .findFirst().orElseThrow().newValue()).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(updates).extracting(OrderHistoryEntry::version).doesNotHaveDuplicates();
        assertThat(service.get(number).version()).isEqualTo(1 + accepted.size());
    }

    @Test
    void theHistoryPagesNewestFirstAndRefusesAForeignCursor() {
        service.create(draft(), "alice");
        for (int v = 1; v <= 4; v++) {
            service.updateHeader(number, v, draft().shipTo(), "W" + v, null, null, null, null, "bob");
        }
        List<Long> versions = new ArrayList<>();
        String cursor = null;
        do {
            HistoryPage page = repository.history(number, 2, cursor);
            page.items().forEach(e -> versions.add(e.version()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(versions).containsExactly(5L, 4L, 3L, 2L, 1L);

        String forged = java.util.Base64.getUrlEncoder().encodeToString("ORDER".getBytes());
        assertThatThrownBy(() -> repository.history(number, 2, forged)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> repository.history(number, 2, "%%%")).isInstanceOf(ValidationException.class);
    }
}
