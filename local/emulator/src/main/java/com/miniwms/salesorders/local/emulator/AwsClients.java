package com.miniwms.salesorders.local.emulator;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients pointed at one endpoint, built once each and sharing one URL-connection HTTP client.
 * New resource kinds get their client with {@link #client(Class, Supplier)}.
 */
public final class AwsClients implements AutoCloseable {

    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();

    public AwsClients(URI endpoint, String region, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.region = Region.of(region);
        this.credentials = credentials;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
    }

    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return region.id();
    }

    /** The client of one type, built on first use from {@code builder} with this endpoint, region and credentials. */
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            Class<C> type, Supplier<B> builder) {
        return type.cast(clients.computeIfAbsent(type, t -> builder.get()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http)
                .build()));
    }

    public CloudFormationClient cloudFormation() {
        return client(CloudFormationClient.class, CloudFormationClient::builder);
    }

    public DynamoDbClient dynamoDb() {
        return client(DynamoDbClient.class, DynamoDbClient::builder);
    }

    public S3Client s3() {
        return client(S3Client.class, () -> S3Client.builder().forcePathStyle(true));
    }

    public EventBridgeClient eventBridge() {
        return client(EventBridgeClient.class, EventBridgeClient::builder);
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        return client(DynamoDbStreamsClient.class, DynamoDbStreamsClient::builder);
    }

    public SqsClient sqs() {
        return client(SqsClient.class, SqsClient::builder);
    }

    public SchedulerClient scheduler() {
        return client(SchedulerClient.class, SchedulerClient::builder);
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        http.close();
    }
}
