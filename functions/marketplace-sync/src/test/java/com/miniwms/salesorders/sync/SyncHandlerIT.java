package com.miniwms.salesorders.sync;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.miniwms.salesorders.aws.EventBusPublisher;
import com.miniwms.salesorders.channels.ChannelConnection;
import com.miniwms.salesorders.channels.DynamoDbConnectionStore;
import com.miniwms.salesorders.channels.SecretsManagerCredentialStore;
import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.events.EventSchemas;
import com.miniwms.salesorders.local.emulator.BusTap;
import com.miniwms.salesorders.local.emulator.LocalAws;
import com.miniwms.salesorders.local.emulator.MotoExtension;
import com.miniwms.salesorders.local.emulator.ProvisionedStack;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.DynamoDbOrderRepository;
import com.miniwms.salesorders.sync.http.RetryPolicy;
import com.miniwms.salesorders.sync.http.RetryingHttp;
import com.miniwms.salesorders.sync.shopify.ShopifyStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled handler end to end: connection in DynamoDB, token in Secrets Manager, the run's announcement on the
 * stack's bus (all on the emulator), Shopify as a WireMock stand-in; the token never shows in a log line, result,
 * stored error or event.
 */
@ExtendWith(MotoExtension.class)
class SyncHandlerIT {
    private static final String TOKEN = "shpat_handler_it_secret_value";
    private static final AtomicInteger RUN = new AtomicInteger();

    private WireMockServer server;
    private ShopifyStandIn shop;
    private SyncHandler handler;
    private DynamoDbConnectionStore connections;
    private SecretsManagerCredentialStore credentials;
    private DynamoDbSyncStore store;
    private OrderService orders;
    private String id;
    private String bus;
    private final List<String> logLines = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp(ProvisionedStack stack) {
        bus = stack.physicalId("EventBus");
        shop = new ShopifyStandIn(3, 0, 0);
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(shop));
        server.start();
        DynamoDbClient dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String table = stack.physicalId("OrdersTable");
        connections = new DynamoDbConnectionStore(dynamo, table);
        credentials = new SecretsManagerCredentialStore(SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build(), "handler-it");
        store = new DynamoDbSyncStore(dynamo, table);
        orders = new OrderService(new DynamoDbOrderRepository(dynamo, table), Clock.systemUTC());
        SyncEngine engine = new SyncEngine(store, new ChannelOrderImporter(orders, store), Clock.systemUTC(),
                SyncSettings.DEFAULTS, new EventBridgeSyncNotifier(EventBusPublisher.create(bus), warnings::add));
        MarketplaceClients clients = new MarketplaceClients(RetryingHttp.defaultClient(),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5),
                        Duration.ofSeconds(5)), wait -> { }, Clock.systemUTC());
        handler = new SyncHandler(connections, credentials, store, engine, clients);
        id = "handler-it-" + RUN.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        Instant now = Instant.now();
        connections.save(new ChannelConnection(id, Channel.SHOPIFY, true, "rate(15 minutes)",
                Map.of("storeUrl", "https://demo.myshopify.com", "apiVersion", "2026-07",
                        "apiBaseUrl", server.baseUrl()), List.of("accessToken"), now, 1, now, now), 0);
        credentials.put(id, Map.of("accessToken", TOKEN));
        for (int i = 1; i <= 12; i++) {
            shop.addOrder(9_100_000 + i, now.minus(Duration.ofMinutes(5)).plusSeconds(i), 2);
        }
    }

    @AfterEach
    void stop() {
        server.stop();
        credentials.delete(id);
    }

    private Map<String, Object> invoke() {
        Map<String, Object> result = handler.handleRequest(Map.of("connectionId", id), context());
        assertThat(result.toString()).doesNotContain(TOKEN);
        return result;
    }

    @Test
    void aScheduledRunImportsTheShopsOrdersAndTheNextReadsThemAgainInTheOverlapAndAddsNone() {
        server.stubFor(post(urlEqualTo("/admin/api/2026-07/graphql.json"))
                .willReturn(aResponse().withTransformers(ShopifyStandIn.NAME)));

        Map<String, Object> first = invoke();
        Map<String, Object> second = invoke();

        assertThat(first).containsEntry("status", "SUCCEEDED").containsEntry("created", 12);
        assertThat(second).containsEntry("status", "SUCCEEDED").containsEntry("created", 0)
                .containsEntry("unchanged", 12);
        assertThat(orders.findByExternalOrder(id, "gid://shopify/Order/9100001")).isPresent();
        assertThat(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/admin/api/2026-07/graphql.json")))).allSatisfy(request ->
                assertThat(request.getHeader("X-Shopify-Access-Token")).isEqualTo(TOKEN));
        assertThat(String.join("\n", logLines)).contains("SUCCEEDED").doesNotContain(TOKEN);
    }

    @Test
    void anExpiredTokenFailsTheRunWithAClearStateAndIsNeverQuoted() {
        server.stubFor(post(urlEqualTo("/admin/api/2026-07/graphql.json")).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":\"[API] Invalid API key or access token\"}")));

        Map<String, Object> result = invoke();

        assertThat(result).containsEntry("status", "FAILED");
        SyncRecord last = store.runs(id, 1, null).items().get(0);
        assertThat(last.errors()).singleElement().asString().contains("refused the access token")
                .doesNotContain(TOKEN);
        assertThat(String.join("\n", logLines)).doesNotContain(TOKEN);
    }

    @Test
    void aSyncNowRunIsRecordedUnderTheIdTheApiAnswered() {
        server.stubFor(post(urlEqualTo("/admin/api/2026-07/graphql.json"))
                .willReturn(aResponse().withTransformers(ShopifyStandIn.NAME)));

        Map<String, Object> result = handler.handleRequest(Map.of("connectionId", id,
                "syncId", "0f8c2a4e-1111-2222-3333-444455556666"), context());

        assertThat(result).containsEntry("syncId", "0f8c2a4e-1111-2222-3333-444455556666");
        assertThat(store.runs(id, 1, null).items().get(0).syncId()).isEqualTo("0f8c2a4e-1111-2222-3333-444455556666");
    }

    @Test
    void everyRunIsAnnouncedOnTheBusWithASchemaValidDetailThatNeverQuotesTheToken(LocalAws aws) {
        BusTap tap = BusTap.open(aws, ChannelSyncEvent.COMPLETED, ChannelSyncEvent.FAILED);
        server.stubFor(post(urlEqualTo("/admin/api/2026-07/graphql.json"))
                .willReturn(aResponse().withTransformers(ShopifyStandIn.NAME)));
        Map<String, Object> synced = invoke();
        server.stubFor(post(urlEqualTo("/admin/api/2026-07/graphql.json")).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":\"[API] Invalid API key or access token\"}")));
        Map<String, Object> refused = invoke();

        List<JsonNode> events = tap.await(2, event -> event.path("detail").path("connectionId").asText().equals(id));

        assertThat(warnings).isEmpty();
        assertThat(events).extracting(event -> event.path("detail-type").asText())
                .containsExactly(ChannelSyncEvent.COMPLETED, ChannelSyncEvent.FAILED);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("source").asText()).isEqualTo(EventBusPublisher.SOURCE);
            assertThat(EventSchemas.problems(event.path("detail-type").asText(), event.path("detail").toString()))
                    .isEmpty();
            assertThat(event.toString()).doesNotContain(TOKEN);
        });
        JsonNode completed = events.get(0).path("detail");
        assertThat(completed.path("syncId").asText()).isEqualTo(synced.get("syncId"));
        assertThat(completed.path("eventId").asText()).isEqualTo(synced.get("syncId") + ":SUCCEEDED");
        assertThat(completed.path("ordersCreated").asInt()).isEqualTo(12);
        JsonNode failed = events.get(1).path("detail");
        assertThat(failed.path("syncId").asText()).isEqualTo(refused.get("syncId"));
        assertThat(failed.path("error").asText()).contains("refused the access token");
    }

    @Test
    void aDisabledOrUnknownConnectionIsNotSynced() {
        assertThat(handler.handleRequest(Map.of("connectionId", "no-such-connection"), context()))
                .containsEntry("status", "IGNORED");
        assertThat(handler.handleRequest(Map.of(), context())).containsEntry("status", "IGNORED");
    }

    private Context context() {
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                logLines.add(message);
            }

            @Override
            public void log(byte[] message) {
                logLines.add(new String(message));
            }
        };
        return new Context() {
            public String getAwsRequestId() { return "req"; }
            public String getLogGroupName() { return "g"; }
            public String getLogStreamName() { return "s"; }
            public String getFunctionName() { return "sync"; }
            public String getFunctionVersion() { return "1"; }
            public String getInvokedFunctionArn() { return "arn"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return 600_000; }
            public int getMemoryLimitInMB() { return 1024; }
            public LambdaLogger getLogger() { return logger; }
        };
    }
}
