package com.miniwms.salesorders.sync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.miniwms.salesorders.aws.AwsClients;
import com.miniwms.salesorders.aws.EventBusPublisher;
import com.miniwms.salesorders.channels.ChannelConnection;
import com.miniwms.salesorders.channels.ConnectionStore;
import com.miniwms.salesorders.channels.CredentialStore;
import com.miniwms.salesorders.channels.DynamoDbConnectionStore;
import com.miniwms.salesorders.channels.SecretsManagerCredentialStore;
import com.miniwms.salesorders.config.Settings;
import com.miniwms.salesorders.history.ChangeSource;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.DynamoDbOrderRepository;
import com.miniwms.salesorders.sync.http.RetryPolicy;
import com.miniwms.salesorders.sync.http.RetryingHttp;
import com.miniwms.salesorders.sync.http.Sleeper;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The scheduled sync: {@code {"connectionId": "..."}} in (from the connection's EventBridge Scheduler schedule, or
 * with a {@code "syncId"} from "sync now"), one run of that connection out, announced on the service's bus. Logs one
 * line per run with the counts; never credentials or order contents.
 */
public final class SyncHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final ConnectionStore connections;
    private final CredentialStore credentials;
    private final SyncStore store;
    private final SyncEngine engine;
    private final MarketplaceClients clients;

    public SyncHandler() {
        this(Defaults.INSTANCE.connections, Defaults.INSTANCE.credentials, Defaults.INSTANCE.store,
                Defaults.INSTANCE.engine, Defaults.INSTANCE.clients);
    }

    SyncHandler(ConnectionStore connections, CredentialStore credentials, SyncStore store, SyncEngine engine,
                MarketplaceClients clients) {
        this.connections = connections;
        this.credentials = credentials;
        this.store = store;
        this.engine = engine;
        this.clients = clients;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Object id = input == null ? null : input.get("connectionId");
        Map<String, Object> result = new LinkedHashMap<>();
        if (!(id instanceof String connectionId)) {
            result.put("status", "IGNORED");
            result.put("reason", "input has no connectionId");
            return log(context, result);
        }
        result.put("connectionId", connectionId);
        Optional<ChannelConnection> connection = connections.find(connectionId);
        if (connection.isEmpty() || !connection.get().enabled()) {
            result.put("status", "IGNORED");
            result.put("reason", connection.isEmpty() ? "no such connection" : "connection is disabled");
            return log(context, result);
        }
        Object requested = input.get("syncId");
        String syncId = requested instanceof String given && given.matches("[A-Za-z0-9-]{1,64}") ? given
                : UUID.randomUUID().toString();
        MarketplaceClient client;
        try {
            client = clients.forConnection(connection.get(),
                    credentials.get(connectionId).orElseThrow(() -> new MarketplaceException(
                            "The connection has no credentials stored", true, null)));
        } catch (MarketplaceException e) {
            client = (window, cursor) -> {
                throw e;
            };
        }
        SyncRecord run = engine.run(connectionId, connection.get().type(), client, syncId,
                () -> context == null ? 600_000 : context.getRemainingTimeInMillis());
        if (run == null) {
            result.put("status", "SKIPPED");
            result.put("reason", "another run of this connection is in progress");
            return log(context, result);
        }
        result.put("syncId", run.syncId());
        result.put("status", run.status().name());
        result.put("pages", run.pages());
        result.put("created", run.counts().created());
        result.put("updated", run.counts().updated());
        result.put("unchanged", run.counts().unchanged());
        result.put("failed", run.counts().failed());
        return log(context, result);
    }

    private static Map<String, Object> log(Context context, Map<String, Object> result) {
        if (context != null && context.getLogger() != null) {
            context.getLogger().log("sync " + result, LogLevel.INFO);
        }
        return result;
    }

    /** The real dependencies, built once per process. */
    private static final class Defaults {
        static final Defaults INSTANCE = new Defaults();
        final ConnectionStore connections;
        final CredentialStore credentials;
        final SyncStore store;
        final SyncEngine engine;
        final MarketplaceClients clients;

        private Defaults() {
            String table = Settings.require("TABLE_NAME");
            DynamoDbClient dynamo = AwsClients.dynamoDb();
            connections = new DynamoDbConnectionStore(dynamo, table);
            credentials = new SecretsManagerCredentialStore(SecretsManagerClient.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                    Settings.require("CHANNEL_SECRET_PREFIX"));
            store = new DynamoDbSyncStore(dynamo, table);
            OrderService orders = new OrderService(new DynamoDbOrderRepository(dynamo, table), Clock.systemUTC())
                    .withSource(ChangeSource.SYNC);
            SyncNotifier notifier = new EventBridgeSyncNotifier(
                    EventBusPublisher.create(Settings.require("EVENT_BUS_NAME")),
                    warning -> LambdaRuntime.getLogger().log(warning, LogLevel.WARN));
            engine = new SyncEngine(store, new ChannelOrderImporter(orders, store), Clock.systemUTC(),
                    SyncSettings.DEFAULTS, notifier);
            clients = new MarketplaceClients(RetryingHttp.defaultClient(), RetryPolicy.DEFAULT, Sleeper.REAL,
                    Clock.systemUTC());
        }
    }
}
