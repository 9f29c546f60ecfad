package com.miniwms.salesorders.sync;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.InMemoryOrderRepository;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static com.miniwms.salesorders.sync.TestOrders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncEngineTest {
    private static final String CONNECTION = "shop-1";
    private static final Instant START = Instant.parse("2026-07-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryOrderRepository repository = new InMemoryOrderRepository();
    private final OrderService orders = new OrderService(repository, clock);
    private final InMemorySyncStore store = new InMemorySyncStore();
    private final List<Announcement> announced = new ArrayList<>();
    private final SyncEngine engine = new SyncEngine(store, new ChannelOrderImporter(orders, store), clock,
            SyncSettings.DEFAULTS, sync -> announced.add(new Announcement(sync, saved(sync.run().syncId()),
                    store.leaseOwner(CONNECTION))));
    private int runs;

    /** An announced run, with its history entry and the connection's lease holder as they were at that moment. */
    private record Announcement(FinishedSync sync, SyncRecord saved, String leaseOwner) {
    }

    private SyncRecord saved(String syncId) {
        return store.runs(CONNECTION, 100, null).items().stream().filter(r -> r.syncId().equals(syncId))
                .findFirst().orElse(null);
    }

    private SyncRecord run(MarketplaceClient client) {
        return engine.run(CONNECTION, Channel.SHOPIFY, client, "sync-" + (++runs), () -> 600_000);
    }

    private void addOrders(FakeMarketplace shop, int count, Instant firstUpdate) {
        for (int i = 0; i < count; i++) {
            shop.add(order("E" + i, firstUpdate.plusSeconds(i)));
        }
    }

    /** Every external order maps to exactly one order and no order number was used for anything else. */
    private void assertImportedExactlyOnce(int count) {
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < count; i++) {
            numbers.add(orders.findByExternalOrder(CONNECTION, "E" + i).orElseThrow().orderNumber());
        }
        assertThat(numbers).hasSize(count);
        assertThat(repository.nextOrderSequence()).as("order numbers handed out, plus this one")
                .isEqualTo(count + 1);
    }

    @Test
    void aRunReadsEveryPageAndMovesTheWatermarkToTheUpperBoundItAskedFor() {
        FakeMarketplace shop = new FakeMarketplace(3);
        addOrders(shop, 7, START.minus(Duration.ofDays(1)));

        SyncRecord result = run(shop);

        assertThat(result.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.counts()).isEqualTo(new SyncCounts(7, 0, 0, 0));
        assertThat(store.state(CONNECTION)).isEqualTo(new SyncState(START, null, null));
        assertThat(shop.windows.get(0)).isEqualTo(new FetchWindow(START.minus(Duration.ofDays(30)), START));
        assertThat(store.runs(CONNECTION, 10, null).items()).singleElement().isEqualTo(result);
        assertThat(store.leaseOwner(CONNECTION)).isNull();
        assertImportedExactlyOnce(7);
    }

    @Test
    void theNextRunRereadsTheOverlapAndTheRepeatsChangeNothing() {
        FakeMarketplace shop = new FakeMarketplace(3);
        addOrders(shop, 4, START.minus(Duration.ofMinutes(5)));
        run(shop);
        clock.advance(Duration.ofMinutes(15));
        shop.add(order("E4", START.plus(Duration.ofMinutes(14))));

        SyncRecord second = run(shop);

        assertThat(shop.windows.get(shop.windows.size() - 1))
                .isEqualTo(new FetchWindow(START.minus(Duration.ofMinutes(10)), START.plus(Duration.ofMinutes(15))));
        assertThat(second.counts()).isEqualTo(new SyncCounts(1, 0, 4, 0));
        assertImportedExactlyOnce(5);
    }

    @Test
    void aRunThatFailsOnPageThreeKeepsItsPlaceAndTheNextRunResumesWithoutGapsOrDuplicates() {
        FakeMarketplace shop = new FakeMarketplace(3);
        addOrders(shop, 10, START.minus(Duration.ofHours(2)));
        shop.failCall(3);

        SyncRecord first = run(shop);

        assertThat(first.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.counts().created()).isEqualTo(6);
        assertThat(first.errors()).singleElement().asString().contains("HTTP 500");
        SyncState kept = store.state(CONNECTION);
        assertThat(kept.watermark()).isNull();
        assertThat(kept.inFlightCursor()).isEqualTo("6");
        assertThat(store.leaseOwner(CONNECTION)).isNull();

        clock.advance(Duration.ofMinutes(15));
        shop.add(order("E10", START.plus(Duration.ofMinutes(1))));
        SyncRecord second = run(shop);

        assertThat(second.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(shop.windows.get(3)).as("the resumed page is read with the first run's window")
                .isEqualTo(shop.windows.get(0));
        assertThat(second.counts()).isEqualTo(new SyncCounts(4, 0, 0, 0));
        assertThat(store.state(CONNECTION).watermark()).isEqualTo(START);

        SyncRecord third = run(shop);
        assertThat(third.counts().created()).as("the order updated after the first window").isEqualTo(1);
        assertImportedExactlyOnce(11);
    }

    @Test
    void aSecondRunStartedWhileOneIsGoingDoesNothing() {
        FakeMarketplace shop = new FakeMarketplace(2);
        addOrders(shop, 5, START.minusSeconds(600));
        AtomicReference<SyncRecord> concurrent = new AtomicReference<>(new SyncRecord(null, null, null, null, null,
                0, null, null));
        shop.onFetch = () -> {
            if (shop.calls.get() == 2) {
                concurrent.set(engine.run(CONNECTION, Channel.SHOPIFY, shop, "intruder", () -> 600_000));
            }
        };

        SyncRecord first = run(shop);

        assertThat(concurrent.get()).isNull();
        assertThat(first.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(store.runs(CONNECTION, 10, null).items()).extracting(SyncRecord::syncId).containsExactly("sync-1");
        assertImportedExactlyOnce(5);
    }

    @Test
    void anExpiredLeaseDoesNotBlockTheConnection() {
        assertThat(store.acquireLease(CONNECTION, "crashed-run", START, Duration.ofMinutes(16))).isTrue();
        FakeMarketplace shop = new FakeMarketplace(2);
        addOrders(shop, 1, START.minusSeconds(60));

        assertThat(run(shop)).as("lease still held").isNull();
        clock.advance(Duration.ofMinutes(17));
        assertThat(run(shop).status()).isEqualTo(SyncStatus.SUCCEEDED);
    }

    @Test
    void oneMalformedOrderIsRecordedAndReadAgainNextRunWithoutStoppingTheOthers() {
        FakeMarketplace shop = new FakeMarketplace(10);
        addOrders(shop, 3, START.minus(Duration.ofHours(1)));
        Instant badUpdate = START.minus(Duration.ofMinutes(30));
        shop.add(PulledOrder.malformed("BAD-1", badUpdate, "cannot be read: line has no whole quantity"));
        shop.add(order("E3", START.minus(Duration.ofMinutes(20)), "Anna Berg", java.util.List.of()));

        SyncRecord result = run(shop);

        assertThat(result.status()).isEqualTo(SyncStatus.PARTIALLY_SUCCEEDED);
        assertThat(result.counts()).isEqualTo(new SyncCounts(3, 0, 0, 2));
        assertThat(result.errors()).containsExactly("Order BAD-1: cannot be read: line has no whole quantity",
                "Order E3: the order has no lines to ship");
        assertThat(store.state(CONNECTION).watermark()).isEqualTo(badUpdate);

        clock.advance(Duration.ofMinutes(15));
        run(shop);
        assertThat(shop.windows.get(1).from()).isBeforeOrEqualTo(badUpdate);
    }

    @Test
    void aRunThatRunsOutOfTimeSavesItsPlaceAndTheNextOneFinishes() {
        FakeMarketplace shop = new FakeMarketplace(2);
        addOrders(shop, 8, START.minusSeconds(600));
        long[] remaining = {600_000};
        shop.onFetch = () -> remaining[0] -= 250_000;

        SyncRecord first = engine.run(CONNECTION, Channel.SHOPIFY, shop, "sync-a", () -> remaining[0]);

        assertThat(first.status()).isEqualTo(SyncStatus.PARTIALLY_SUCCEEDED);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.errors()).singleElement().asString().contains("resumes");
        assertThat(store.state(CONNECTION).inFlightCursor()).isEqualTo("6");
        assertThat(store.state(CONNECTION).watermark()).isNull();

        SyncRecord second = run(shop);
        assertThat(second.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(second.counts()).isEqualTo(new SyncCounts(2, 0, 0, 0));
        assertImportedExactlyOnce(8);
    }

    @Test
    void randomFailuresOnAFifthOfTheCallsStillImportEveryOrderExactlyOnce() {
        FakeMarketplace shop = new FakeMarketplace(5);
        addOrders(shop, 60, START.minus(Duration.ofHours(3)));
        Random random = new Random(42);
        for (int call = 1; call <= 400; call++) {
            if (random.nextInt(5) == 0) {
                shop.failCall(call);
            }
        }
        SyncRecord last = null;
        for (int attempt = 0; attempt < 50 && (last == null || last.status() != SyncStatus.SUCCEEDED); attempt++) {
            clock.advance(Duration.ofMinutes(1));
            last = run(shop);
        }
        assertThat(last.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertImportedExactlyOnce(60);
    }

    @Test
    void aSucceededRunIsAnnouncedOnceItsEntryIsSavedAndItsLeaseGivenUp() {
        FakeMarketplace shop = new FakeMarketplace(3);
        addOrders(shop, 4, START.minus(Duration.ofHours(1)));

        SyncRecord result = run(shop);

        assertThat(announced).singleElement().satisfies(a -> {
            assertThat(a.sync()).isEqualTo(new FinishedSync(Channel.SHOPIFY, result,
                    new FetchWindow(START.minus(Duration.ofDays(30)), START), null));
            assertThat(a.saved()).isEqualTo(result);
            assertThat(a.leaseOwner()).isNull();
        });
    }

    @Test
    void aRunWithAnOrderThatCouldNotBeImportedIsAnnouncedAsPartlySucceeded() {
        FakeMarketplace shop = new FakeMarketplace(10);
        addOrders(shop, 2, START.minus(Duration.ofHours(1)));
        shop.add(PulledOrder.malformed("BAD-1", START.minus(Duration.ofMinutes(30)), "cannot be read"));

        SyncRecord result = run(shop);

        assertThat(announced).singleElement().satisfies(a -> {
            assertThat(a.sync().run()).isEqualTo(result).isEqualTo(a.saved());
            assertThat(a.sync().run().status()).isEqualTo(SyncStatus.PARTIALLY_SUCCEEDED);
            assertThat(a.sync().failure()).isNull();
        });
    }

    @Test
    void aFailedRunIsAnnouncedWithWhatStoppedItRatherThanItsFirstError() {
        FakeMarketplace shop = new FakeMarketplace(3);
        shop.add(PulledOrder.malformed("BAD-1", START.minus(Duration.ofHours(2)), "cannot be read"));
        addOrders(shop, 5, START.minus(Duration.ofHours(1)));
        shop.failCall(2);

        SyncRecord result = run(shop);

        assertThat(result.errors()).hasSize(2).first().asString().startsWith("Order BAD-1");
        assertThat(announced).singleElement().satisfies(a -> {
            assertThat(a.sync().run()).isEqualTo(result).isEqualTo(a.saved());
            assertThat(a.sync().run().status()).isEqualTo(SyncStatus.FAILED);
            assertThat(a.sync().failure()).isEqualTo(result.errors().get(1)).contains("HTTP 500");
            assertThat(a.leaseOwner()).isNull();
        });
    }

    @Test
    void aRunStoppedByAnUnexpectedExceptionIsRecordedAndAnnouncedAsFailedBeforeTheExceptionGoesOn() {
        MarketplaceClient broken = (window, cursor) -> {
            throw new IllegalStateException("details that stay in the logs");
        };

        assertThatThrownBy(() -> run(broken)).isInstanceOf(IllegalStateException.class);

        assertThat(announced).singleElement().satisfies(a -> {
            assertThat(a.saved().status()).isEqualTo(SyncStatus.FAILED);
            assertThat(a.sync().run()).isEqualTo(a.saved());
            assertThat(a.sync().failure()).isEqualTo("Sync failed: IllegalStateException");
            assertThat(a.leaseOwner()).isNull();
        });
    }

    @Test
    void aRunThatDoesNotGetTheLeaseAnnouncesNothing() {
        assertThat(store.acquireLease(CONNECTION, "other-run", START, Duration.ofMinutes(16))).isTrue();

        assertThat(run(new FakeMarketplace(2))).isNull();

        assertThat(announced).isEmpty();
    }
}
