package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.aws.AwsClients;
import com.miniwms.salesorders.history.ChangeSource;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.DynamoDbOrderRepository;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.time.Clock;

/**
 * The real dependencies, built once per process and shared by the handlers in it. The import runner (with its
 * EventBridge client) is built only where it runs, so the API function's cold start does not pay for it.
 */
final class ImportServices {
    private static volatile Holder holder;
    private static volatile ImportRunner runner;

    private ImportServices() {
    }

    record Holder(ImportConfig config, DynamoDbClient dynamo, ImportRepository imports, UploadStore store) {
    }

    static Holder holder() {
        Holder h = holder;
        if (h == null) {
            synchronized (ImportServices.class) {
                h = holder;
                if (h == null) {
                    ImportConfig config = ImportConfig.fromEnvironment();
                    DynamoDbClient dynamo = AwsClients.dynamoDb();
                    h = new Holder(config, dynamo, new DynamoDbImportRepository(dynamo, config.tableName()),
                            S3UploadStore.create(config));
                    holder = h;
                }
            }
        }
        return h;
    }

    static ImportRunner runner() {
        ImportRunner r = runner;
        if (r == null) {
            synchronized (ImportServices.class) {
                r = runner;
                if (r == null) {
                    Holder h = holder();
                    OrderService orders = new OrderService(new DynamoDbOrderRepository(h.dynamo(),
                            h.config().tableName()), Clock.systemUTC()).withSource(ChangeSource.IMPORT);
                    ImportService service = new ImportService(orders, Clock.systemUTC(),
                            ImportService.DEFAULT_PARALLELISM);
                    ImportNotifier notifier = new EventBridgeImportNotifier(EventBridgeClient.builder()
                            .httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                            h.config().eventBusName(), h.config().bucketName());
                    r = new ImportRunner(service, h.imports(), h.store(), notifier, Clock.systemUTC());
                    runner = r;
                }
            }
        }
        return r;
    }

    /** POI logs through Log4j's API; without a back end it would complain once per process. */
    static void quietPoiLogging() {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory",
                    "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }
}
