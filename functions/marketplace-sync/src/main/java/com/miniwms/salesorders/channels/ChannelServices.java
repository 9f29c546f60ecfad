package com.miniwms.salesorders.channels;

import com.miniwms.salesorders.aws.AwsClients;
import com.miniwms.salesorders.sync.DynamoDbSyncStore;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;

/** The real dependencies of the channel API, built once per process. */
final class ChannelServices {
    private static volatile ChannelService channelService;

    private ChannelServices() {
    }

    static ChannelService channelService() {
        ChannelService service = channelService;
        if (service == null) {
            synchronized (ChannelServices.class) {
                service = channelService;
                if (service == null) {
                    ChannelConfig config = ChannelConfig.fromEnvironment();
                    DynamoDbClient dynamo = AwsClients.dynamoDb();
                    service = new ChannelService(
                            new DynamoDbConnectionStore(dynamo, config.tableName()),
                            new SecretsManagerCredentialStore(SecretsManagerClient.builder()
                                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                                    config.secretPrefix()),
                            new EventBridgeSyncScheduler(SchedulerClient.builder()
                                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build(), config),
                            new DynamoDbSyncStore(dynamo, config.tableName()),
                            new LambdaSyncStarter(LambdaClient.builder()
                                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                                    config.syncFunctionArn()),
                            Clock.systemUTC());
                    channelService = service;
                }
            }
        }
        return service;
    }
}
