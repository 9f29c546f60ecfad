package com.miniwms.salesorders.channels;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * "Sync now" sends an asynchronous (Event) Invoke of the sync function with the connection and run id, as the
 * Lambda API receives it (WireMock in the Lambda endpoint's place).
 */
class LambdaSyncStarterIT {
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathMatching("/2015-03-31/functions/.*/invocations"))
                .willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theSyncFunctionIsInvokedAsAnEventWithTheConnectionAndRunId() {
        LambdaClient lambda = LambdaClient.builder().endpointOverride(URI.create(server.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:stack-MarketplaceSyncFunction";

        new LambdaSyncStarter(lambda, arn).start("demo-shop", "0f8c2a4e-1111-2222-3333-444455556666");

        server.verify(postRequestedFor(urlPathMatching("/2015-03-31/functions/.*MarketplaceSyncFunction/invocations"))
                .withHeader("X-Amz-Invocation-Type", equalTo("Event"))
                .withRequestBody(equalToJson(
                        "{\"connectionId\":\"demo-shop\",\"syncId\":\"0f8c2a4e-1111-2222-3333-444455556666\"}")));
    }
}
