package com.miniwms.salesorders.storage;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.DuplicateExternalOrderException;
import com.miniwms.salesorders.domain.OrderAlreadyExistsException;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.OrderNotFoundException;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.domain.ShipTo;
import com.miniwms.salesorders.domain.Totals;
import com.miniwms.salesorders.domain.ValidationException;
import com.miniwms.salesorders.domain.VersionConflictException;
import com.miniwms.salesorders.local.emulator.MotoExtension;
import com.miniwms.salesorders.local.emulator.ProvisionedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DynamoDB store against the emulator, on the table the template declares. */
@ExtendWith(MotoExtension.class)
class DynamoDbOrderRepositoryIT {
    private static final AtomicInteger RUN = new AtomicInteger();

    private DynamoDbOrderRepository repository;
    /** A prefix unique to each test, since all tests of this JVM share one table. */
    private String prefix;
    /** A date range unique to each test, for the lists that are not searches. */
    private LocalDate day;

    @BeforeEach
    void setUp(ProvisionedStack stack) {
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        repository = new DynamoDbOrderRepository(dynamo, stack.physicalId("OrdersTable"));
        int run = RUN.incrementAndGet();
        prefix = "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + "X" + run;
        day = LocalDate.of(2040, 1, 1).plusDays(run * 40L);
    }

    private SalesOrder order(String number, LocalDate date, String name, OrderStatus status, Channel channel,
                             String connection, String externalId) {
        return new SalesOrder(number, channel, connection, externalId, status,
                status == OrderStatus.ON_HOLD ? "check address" : null, "W1", date,
                new ShipTo(name, "1 Main St", null, null, "Leeds", null, "LS1 1AA", "GB", "0113 000", "a@b.co"),
                "GBP", new Totals(new BigDecimal("19.80"), null, null, null, new BigDecimal("19.80")), "note",
                List.of(OrderLine.of(1, "1628437592043", "Widget", 2, new BigDecimal("9.90")),
                        OrderLine.of(2, "00042", null, 1, null)),
                1, Instant.parse("2026-12-03T10:00:00Z"), "tester", Instant.parse("2026-12-03T10:00:00Z"), "tester");
    }

    private SalesOrder order(String number, LocalDate date, String name) {
        return order(number, date, name, OrderStatus.AVAILABLE, Channel.MANUAL, null, null);
    }

    @Test
    void anOrderIsStoredAndReadBackExactly() {
        SalesOrder order = order(prefix + "A", day, "Jane Smith");

        repository.create(order, null);

        assertThat(repository.find(order.orderNumber())).contains(order);
        assertThat(repository.find(prefix + "MISSING")).isEmpty();
    }

    @Test
    void aSecondCreateWithTheSameNumberIsRefused() {
        repository.create(order(prefix + "A", day, "Jane"), null);

        assertThatThrownBy(() -> repository.create(order(prefix + "A", day, "Other"), null))
                .isInstanceOf(OrderAlreadyExistsException.class);
        assertThat(repository.find(prefix + "A").orElseThrow().shipTo().name()).isEqualTo("Jane");
    }

    @Test
    void anExternalOrderIdIsHeldByOneOrderPerConnection() {
        SalesOrder first = order(prefix + "A", day, "Jane", OrderStatus.AVAILABLE, Channel.SHOPIFY, "shop-1", "1001");
        SalesOrder twin = order(prefix + "B", day, "Jane", OrderStatus.AVAILABLE, Channel.SHOPIFY, "shop-1", "1001");
        SalesOrder otherShop = order(prefix + "C", day, "Jane", OrderStatus.AVAILABLE, Channel.SHOPIFY, "shop-2",
                "1001");
        repository.create(first, null);

        assertThatThrownBy(() -> repository.create(twin, null))
                .isInstanceOfSatisfying(DuplicateExternalOrderException.class,
                        e -> assertThat(e.existingOrderNumber()).isEqualTo(prefix + "A"));
        assertThat(repository.find(prefix + "B")).isEmpty();
        repository.create(otherShop, null);

        repository.delete(first);
        repository.create(twin, null);
        assertThat(repository.find(prefix + "B")).isPresent();
    }

    @Test
    void updatesAndDeletesNeedTheCurrentVersion() {
        SalesOrder order = order(prefix + "A", day, "Jane");
        repository.create(order, null);
        SalesOrder changed = order.withHeader(order.shipTo(), "W9", order.orderDate(), "GBP", null, null)
                .changedBy("someone", Instant.parse("2026-12-03T11:00:00Z"));

        repository.update(changed, 1);

        assertThatThrownBy(() -> repository.update(changed.changedBy("late", Instant.now()), 1))
                .isInstanceOfSatisfying(VersionConflictException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(2));
        assertThatThrownBy(() -> repository.delete(order)).isInstanceOf(VersionConflictException.class);
        assertThat(repository.find(prefix + "A").orElseThrow().wave()).isEqualTo("W9");
        repository.delete(changed);
        assertThat(repository.find(prefix + "A")).isEmpty();
        assertThatThrownBy(() -> repository.update(changed.changedBy("x", Instant.now()), 2))
                .isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void anIdempotencyKeyIsStoredWithItsOrderAndOnlyOnce() {
        StoredResponse response = new StoredResponse(201, Map.of("Location", "/orders/" + prefix + "A"), "{}");
        IdempotencyRecord record = new IdempotencyRecord("caller:" + prefix, "hash", response,
                Instant.now().plusSeconds(3600));
        repository.create(order(prefix + "A", day, "Jane"), record);

        assertThatThrownBy(() -> repository.create(order(prefix + "B", day, "Jane"), record))
                .isInstanceOf(IdempotencyKeyInUseException.class);
        assertThat(repository.find(prefix + "B")).isEmpty();
        IdempotencyRecord stored = repository.findIdempotencyRecord("caller:" + prefix).orElseThrow();
        assertThat(stored.response()).isEqualTo(response);
        assertThat(stored.requestHash()).isEqualTo("hash");
        assertThat(stored.expiresAt().getEpochSecond()).isEqualTo(record.expiresAt().getEpochSecond());
    }

    @Test
    void listsNewestFirstByDateStatusAndChannelWithinADateRange() {
        repository.create(order(prefix + "A", day, "Ann"), null);
        repository.create(order(prefix + "B", day.plusDays(1), "Bob", OrderStatus.ON_HOLD, Channel.MANUAL, null,
                null), null);
        repository.create(order(prefix + "C", day.plusDays(2), "Cy", OrderStatus.AVAILABLE, Channel.EBAY, "ebay-1",
                prefix + "9"), null);
        repository.create(order(prefix + "D", day.plusDays(30), "Dee"), null);

        assertThat(numbers(query(null, null, day, day.plusDays(2), null, 10)))
                .containsExactly(prefix + "C", prefix + "B", prefix + "A");
        assertThat(numbers(query(OrderStatus.AVAILABLE, null, day, day.plusDays(40), null, 10)))
                .containsExactly(prefix + "D", prefix + "C", prefix + "A");
        assertThat(numbers(query(OrderStatus.AVAILABLE, Channel.EBAY, day, day.plusDays(40), null, 10)))
                .containsExactly(prefix + "C");
        assertThat(numbers(query(null, Channel.EBAY, day, day.plusDays(40), null, 10)))
                .containsExactly(prefix + "C");
        OrderSummary summary = query(null, null, day, day, null, 10).items().get(0);
        assertThat(summary.lineCount()).isEqualTo(2);
        assertThat(summary.shipToName()).isEqualTo("Ann");
        assertThat(summary.status()).isEqualTo(OrderStatus.AVAILABLE);
    }

    @Test
    void searchFindsOrderNumberAndShipToNamePrefixesCaseInsensitively() {
        String name = prefix.toLowerCase() + " Smith";
        repository.create(order(prefix + "A", day, "Zed"), null);
        repository.create(order(prefix + "B", day, name.toUpperCase()), null);
        repository.create(order("N" + prefix, day, name), null);

        assertThat(numbers(query(null, null, null, null, prefix.toLowerCase(), 10)))
                .containsExactly(prefix + "A", prefix + "B", "N" + prefix);
        assertThat(numbers(query(null, null, null, null, "  " + prefix.toLowerCase() + "   SMITH", 10)))
                .containsExactlyInAnyOrder(prefix + "B", "N" + prefix);
        assertThat(numbers(query(null, null, null, null, "n" + prefix, 10))).containsExactly("N" + prefix);
    }

    @Test
    void pagesWalkEveryMatchingOrderExactlyOnceEvenWithFilters() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            OrderStatus status = i % 2 == 0 ? OrderStatus.AVAILABLE : OrderStatus.ON_HOLD;
            SalesOrder order = order(prefix + "P" + i, day.plusDays(i % 3), "Page " + i, status, Channel.MANUAL,
                    null, null);
            repository.create(order, null);
            if (status == OrderStatus.AVAILABLE) {
                expected.add(order.orderNumber());
            }
        }

        assertThat(walk(null, null, day, day.plusDays(3), null, 2)).hasSize(7);
        assertThat(walk(OrderStatus.AVAILABLE, null, day, day.plusDays(3), null, 3))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(walk(OrderStatus.AVAILABLE, null, null, null, prefix, 1))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(walk(null, null, null, null, "page", 2)).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void aCursorCannotBeBentToAnotherQueryOrPartition() {
        for (int i = 0; i < 3; i++) {
            repository.create(order(prefix + "K" + i, day, "Key " + i), null);
        }
        OrderPage first = query(OrderStatus.AVAILABLE, null, day, day, null, 1);
        String cursor = first.nextCursor();
        assertThat(cursor).isNotNull();
        String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.replace("\"AVAILABLE\"", "\"CLOSED\"").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> repository.list(new OrderQuery(OrderStatus.AVAILABLE, null, day, day, null, 1,
                forged))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> repository.list(new OrderQuery(OrderStatus.ON_HOLD, null, day, day, null, 1,
                cursor))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> repository.list(new OrderQuery(null, null, null, null, null, 1, "%%garbage%%")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> repository.list(new OrderQuery(null, null, null, null, null, 1,
                Base64.getUrlEncoder().encodeToString("{\"s\":0}".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theSequenceNeverHandsOutANumberTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            futures.add(pool.submit(() -> seen.add(repository.nextOrderSequence())));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        assertThat(seen).hasSize(40);
    }

    private OrderPage query(OrderStatus status, Channel channel, LocalDate from, LocalDate to, String q, int limit) {
        return repository.list(new OrderQuery(status, channel, from, to, q, limit, null));
    }

    private List<String> walk(OrderStatus status, Channel channel, LocalDate from, LocalDate to, String q, int limit) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            OrderPage page = repository.list(new OrderQuery(status, channel, from, to, q, limit, cursor));
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            all.addAll(numbers(page));
            cursor = page.nextCursor();
            assertThat(++pages).isLessThan(50);
        } while (cursor != null);
        assertThat(all).doesNotHaveDuplicates();
        return all;
    }

    private static List<String> numbers(OrderPage page) {
        return page.items().stream().map(OrderSummary::orderNumber).toList();
    }
}
