package com.miniwms.salesorders.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code POST /orders} and {@code GET /orders/{orderNumber}} over a map: 201, then 409 for a known number. */
public class InMemoryOrdersHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public static final Map<String, JsonNode> ORDERS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getRouteKey().equals("GET /orders/{orderNumber}")) {
            JsonNode order = ORDERS.get(event.getPathParameters().get("orderNumber"));
            return order == null ? status(404, "{}") : status(200, order.toString());
        }
        JsonNode order;
        try {
            order = JSON.readTree(event.getBody());
        } catch (IOException e) {
            return status(400, "{\"title\":\"bad json\"}");
        }
        String number = order.path("orderNumber").asText();
        return ORDERS.putIfAbsent(number, order) == null ? status(201, order.toString()) : status(409, "{}");
    }

    private static APIGatewayV2HTTPResponse status(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).build();
    }
}
