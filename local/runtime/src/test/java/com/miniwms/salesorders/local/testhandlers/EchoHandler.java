package com.miniwms.salesorders.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Answers with the event it received as JSON; {@code GET /table} describes the table named by {@code TABLE_NAME}
 * through a default SDK client; {@code GET /boom} throws.
 */
public class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public EchoHandler() {
        this.dynamoDb = DynamoDbClient.create();
        this.tableName = setting("TABLE_NAME");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        switch (event.getRouteKey()) {
            case "GET /boom" -> throw new IllegalStateException("boom");
            case "GET /table" -> {
                String status = dynamoDb.describeTable(r -> r.tableName(tableName)).table().tableStatusAsString();
                return json(200, Map.of("table", tableName, "status", status, "greeting", setting("GREETING")));
            }
            case "GET /binary" -> {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                        .withBody("AAEC/w==").withIsBase64Encoded(true).build();
            }
            default -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("event", event);
                body.put("functionName", context.getFunctionName());
                body.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
                body.put("memoryLimitInMB", context.getMemoryLimitInMB());
                body.put("awsRequestId", context.getAwsRequestId());
                context.getLogger().log("echo " + event.getRawPath());
                APIGatewayV2HTTPResponse response = json(200, body);
                response.setMultiValueHeaders(Map.of("X-Multi", List.of("one", "two")));
                response.setCookies(List.of("session=abc; Path=/", "theme=dark"));
                return response;
            }
        }
    }

    private static APIGatewayV2HTTPResponse json(int status, Object body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String setting(String name) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name);
    }
}
