package com.miniwms.salesorders.imports;

import com.miniwms.salesorders.aws.AwsClients;
import com.miniwms.salesorders.history.ChangeSource;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.DynamoDbOrderRepository;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.time.Clock;

/** The real dependencies, built once per process and shared by the handlers in it. */
final class ImportServices {
    private static volatile Holder holder;

    private ImportServices() {
    }

    record Holder(ImportConfig config, ImportRepository imports, UploadStore store, ImportRunner runner) {
    }

    static Holder holder() {
        Holder h = holder;
        if (h == null) {
            synchronized (ImportServices.class) {
                h = holder;
                if (h == null) {
                    ImportConfig config = ImportConfig.fromEnvironment();
                    DynamoDbClient dynamo = AwsClients.dynamoDb();
                    OrderService orders = new OrderService(new DynamoDbOrderRepository(dynamo, config.tableName()),
                            Clock.systemUTC()).withSource(ChangeSource.IMPORT);
                    ImportRepository imports = new DynamoDbImportRepository(dynamo, config.tableName());
                    UploadStore store = S3UploadStore.create(config);
                    ImportService service = new ImportService(orders, Clock.systemUTC(),
                            ImportService.DEFAULT_PARALLELISM);
                    ImportNotifier notifier = new EventBridgeImportNotifier(EventBridgeClient.builder()
                            .httpClientBuilder(UrlConnectionHttpClient.builder()).build(), config.eventBusName(),
                            config.bucketName());
                    h = new Holder(config, imports, store, new ImportRunner(service, imports, store, notifier,
                            Clock.systemUTC()));
                    holder = h;
                }
            }
        }
        return h;
    }

    static ImportRunner runner() {
        return holder().runner();
    }

    /** POI logs through Log4j's API; without a back end it would complain once per process. */
    static void quietPoiLogging() {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory",
                    "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }
}
