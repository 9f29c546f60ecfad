package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.history.ChangeAction;
import com.miniwms.salesorders.history.ChangeContext;
import com.miniwms.salesorders.history.ChangeSource;
import com.miniwms.salesorders.history.OrderHistoryEntry;
import com.miniwms.salesorders.local.emulator.MotoExtension;
import com.miniwms.salesorders.local.emulator.ProvisionedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating and reading many orders at once against the emulator, on the table the template declares. */
@ExtendWith(MotoExtension.class)
class BulkOrderWritesIT {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final ChangeContext IMPORT = new ChangeContext("importer", ChangeSource.IMPORT);

    private DynamoDbOrderRepository repository;
    private String prefix;

    @BeforeEach
    void setUp(ProvisionedStack stack) {
        DynamoDbClient dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        repository = new DynamoDbOrderRepository(dynamo, stack.physicalId("OrdersTable"));
        prefix = "B" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + "X"
                + RUN.incrementAndGet() + "-";
    }

    private SalesOrder order(int n, String name) {
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        return new SalesOrder(prefix + n, Channel.EXCEL, null, null, OrderStatus.AVAILABLE, null, null,
                LocalDate.of(2026, 12, 3), new ShipTo(name, "1 Main St", null, null, "Leeds", null, "LS1 1AA", "GB",
                null, null), null, null, null,
                List.of(OrderLine.of(1, "1628437592043", null, n % 7 + 1, null)), 1, at, "importer", at, "importer");
    }

    private List<SalesOrder> orders(int count) {
        return IntStream.range(0, count).mapToObj(n -> order(n, "Buyer " + n)).toList();
    }

    @Test
    void ordersAreCreatedAcrossSeveralTransactionsAndTakenNumbersAreLeftAlone() {
        List<SalesOrder> orders = orders(120);
        SalesOrder firstTaken = order(3, "Someone else");
        SalesOrder secondTaken = order(77, "Someone else");
        repository.create(firstTaken, null, IMPORT);
        repository.create(secondTaken, null, IMPORT);

        BulkCreateResult result = repository.createAll(orders, IMPORT);

        assertThat(result.existing()).containsExactlyInAnyOrder(prefix + 3, prefix + 77);
        assertThat(result.created()).hasSize(118).doesNotContain(prefix + 3, prefix + 77);
        var stored = repository.findAll(orders.stream().map(SalesOrder::orderNumber).toList());
        assertThat(stored).hasSize(120);
        assertThat(stored.get(prefix + 3)).isEqualTo(firstTaken);
        assertThat(stored.get(prefix + 77)).isEqualTo(secondTaken);
        for (SalesOrder order : orders) {
            if (!result.existing().contains(order.orderNumber())) {
                assertThat(stored.get(order.orderNumber())).isEqualTo(order);
            }
            assertThat(createdEntries(order.orderNumber())).hasSize(1);
        }
    }

    @Test
    void creatingTheSameOrdersAgainWritesNothing() {
        List<SalesOrder> orders = orders(60);
        repository.createAll(orders, IMPORT);

        BulkCreateResult again = repository.createAll(orders, IMPORT);

        assertThat(again.created()).isEmpty();
        assertThat(again.existing()).hasSize(60);
        orders.forEach(order -> assertThat(repository.history(order.orderNumber(), 10, null).items()).hasSize(1));
    }

    @Test
    void twoWritersOfTheSameOrdersCreateEachExactlyOnce() throws Exception {
        List<SalesOrder> orders = orders(150);
        List<BulkCreateResult> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<BulkCreateResult>> futures = List.of(pool.submit(() -> repository.createAll(orders, IMPORT)),
                    pool.submit(() -> repository.createAll(orders.reversed(), IMPORT)));
            for (Future<BulkCreateResult> future : futures) {
                results.add(future.get());
            }
        }

        Set<String> created = new HashSet<>(results.get(0).created());
        assertThat(results.get(1).created()).noneMatch(created::contains);
        created.addAll(results.get(1).created());
        assertThat(created).hasSize(150);
        orders.forEach(order -> assertThat(createdEntries(order.orderNumber())).hasSize(1));
    }

    @Test
    void findAllReadsMoreThanOneBatchAndSkipsMissingNumbers() {
        List<SalesOrder> orders = orders(130);
        repository.createAll(orders, IMPORT);
        List<String> asked = new ArrayList<>(orders.stream().map(SalesOrder::orderNumber).toList());
        asked.add(prefix + "MISSING");
        asked.add(prefix + 5);

        var found = repository.findAll(asked);

        assertThat(found).hasSize(130).doesNotContainKey(prefix + "MISSING");
        assertThat(found.get(prefix + 129)).isEqualTo(orders.get(129));
    }

    private List<OrderHistoryEntry> createdEntries(String orderNumber) {
        return repository.history(orderNumber, 10, null).items().stream()
                .filter(entry -> entry.action() == ChangeAction.CREATED).toList();
    }
}
