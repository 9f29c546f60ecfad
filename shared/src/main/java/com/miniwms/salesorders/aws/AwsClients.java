package com.miniwms.salesorders.aws;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * AWS clients, built once per process. Region, credentials and endpoint come from the SDK's standard chains
 * ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}, ...), so the same code runs on Lambda, against an emulator, or
 * against LocalStack. One small HTTP client keeps cold starts short.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
