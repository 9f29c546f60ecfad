package com.miniwms.salesorders.sync.shopify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.local.emulator.MotoExtension;
import com.miniwms.salesorders.local.emulator.ProvisionedStack;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.DynamoDbOrderRepository;
import com.miniwms.salesorders.sync.ChannelOrderImporter;
import com.miniwms.salesorders.sync.DynamoDbSyncStore;
import com.miniwms.salesorders.sync.SyncEngine;
import com.miniwms.salesorders.sync.SyncNotifier;
import com.miniwms.salesorders.sync.SyncRecord;
import com.miniwms.salesorders.sync.SyncSettings;
import com.miniwms.salesorders.sync.SyncStatus;
import com.miniwms.salesorders.sync.http.RetryPolicy;
import com.miniwms.salesorders.sync.http.RetryingHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole runs: the sync engine with the Shopify client against the WireMock stand-in, and the order and sync stores
 * on the emulator's table.
 */
@ExtendWith(MotoExtension.class)
class ShopifySyncIT {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Instant NOW = Instant.now();

    private WireMockServer server;
    private ShopifyStandIn shop;
    private OrderService orders;
    private DynamoDbSyncStore store;
    private SyncEngine engine;
    private String connection;

    void start(double faultRate) {
        shop = new ShopifyStandIn(7, faultRate, 1500);
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(shop));
        server.start();
        server.stubFor(post(urlEqualTo("/admin/api/2026-07/graphql.json"))
                .willReturn(aResponse().withTransformers(ShopifyStandIn.NAME)));
    }

    @BeforeEach
    void setUp(ProvisionedStack stack) {
        DynamoDbClient dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String table = stack.physicalId("OrdersTable");
        orders = new OrderService(new DynamoDbOrderRepository(dynamo, table), Clock.systemUTC());
        store = new DynamoDbSyncStore(dynamo, table);
        engine = new SyncEngine(store, new ChannelOrderImporter(orders, store), Clock.systemUTC(),
                SyncSettings.DEFAULTS, SyncNotifier.NONE);
        connection = "shopify-it-" + RUN.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private ShopifyClient client() {
        RetryingHttp http = new RetryingHttp(RetryingHttp.defaultClient(),
                new RetryPolicy(6, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(30),
                        Duration.ofMillis(400)), wait -> { });
        return new ShopifyClient(new ShopifySettings(URI.create(server.baseUrl()), "2026-07", 10, 3),
                () -> "shpat_sync_it", http);
    }

    private void addOrders(int count) {
        for (int i = 1; i <= count; i++) {
            shop.addOrder(7_000_000 + i, NOW.minus(Duration.ofHours(5)).plusSeconds(i * 7L), 1 + i % 5);
        }
    }

    private void assertEachOrderImportedOnce(int count, List<SyncRecord> runs) {
        Set<String> numbers = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            numbers.add(orders.findByExternalOrder(connection, "gid://shopify/Order/" + (7_000_000 + i))
                    .orElseThrow().orderNumber());
        }
        assertThat(numbers).hasSize(count);
        assertThat(runs.stream().mapToInt(r -> r.counts().created()).sum()).isEqualTo(count);
    }

    @Test
    void everyOrderArrivesWithAllItsLinesAndASecondSyncAddsNone() {
        start(0);
        addOrders(25);

        SyncRecord first = engine.run(connection, Channel.SHOPIFY, client(), "run-1", () -> 600_000);
        SyncRecord second = engine.run(connection, Channel.SHOPIFY, client(), "run-2", () -> 600_000);

        assertThat(first.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(second.counts().created()).isZero();
        assertThat(second.counts().updated()).isZero();
        assertEachOrderImportedOnce(25, List.of(first, second));
        assertThat(orders.findByExternalOrder(connection, "gid://shopify/Order/7000004").orElseThrow().lines())
                .as("five lines, read over two line-item pages").hasSize(5);
        assertThat(store.runs(connection, 10, null).items()).extracting(SyncRecord::syncId)
                .containsExactly("run-2", "run-1");
    }

    @Test
    void faultsOnAFifthOfTheCallsStillImportEveryOrderExactlyOnce() {
        start(0.2);
        addOrders(60);
        List<SyncRecord> runs = new ArrayList<>();
        for (int i = 0; i < 20 && (runs.isEmpty() || runs.get(runs.size() - 1).status() != SyncStatus.SUCCEEDED); i++) {
            runs.add(engine.run(connection, Channel.SHOPIFY, client(), "run-" + i, () -> 600_000));
        }

        assertThat(shop.faults).as("faults were injected").isGreaterThan(3);
        assertThat(runs.get(runs.size() - 1).status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertEachOrderImportedOnce(60, runs);
    }

    @Test
    void twoRunsStartedAtOnceImportEachOrderOnce() throws Exception {
        start(0);
        addOrders(30);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SyncRecord>> results = new ArrayList<>();
            for (String id : List.of("run-a", "run-b")) {
                results.add(pool.submit(() -> {
                    go.await();
                    return engine.run(connection, Channel.SHOPIFY, client(), id, () -> 600_000);
                }));
            }
            go.countDown();
            List<SyncRecord> finished = new ArrayList<>();
            for (Future<SyncRecord> result : results) {
                SyncRecord record = result.get();
                if (record != null) {
                    finished.add(record);
                }
            }
            // Either the second run found the lease taken and did nothing, or it started after the first ended.
            if (finished.size() == 2) {
                SyncRecord a = finished.get(0);
                SyncRecord b = finished.get(1);
                assertThat(!a.startedAt().isBefore(b.finishedAt()) || !b.startedAt().isBefore(a.finishedAt()))
                        .as("the runs did not overlap").isTrue();
            }
            assertEachOrderImportedOnce(30, finished);
        } finally {
            pool.shutdownNow();
        }
    }
}
