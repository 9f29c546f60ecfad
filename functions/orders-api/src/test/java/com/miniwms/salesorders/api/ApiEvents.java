package com.miniwms.salesorders.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.HashMap;
import java.util.Map;

/** Builds payload-2.0 events the way API Gateway fills them for our routes. */
final class ApiEvents {
    private ApiEvents() {
    }

    static APIGatewayV2HTTPEvent request(String method, String route, String path, String body,
                                         Map<String, String> headers, Map<String, String> query) {
        Map<String, String> pathParameters = new HashMap<>();
        String[] routeParts = route.split("/");
        String[] pathParts = path.split("/");
        for (int i = 0; i < routeParts.length && i < pathParts.length; i++) {
            if (routeParts[i].startsWith("{")) {
                pathParameters.put(routeParts[i].substring(1, routeParts[i].length() - 1), pathParts[i]);
            }
        }
        Map<String, String> allHeaders = new HashMap<>();
        if (body != null) {
            allHeaders.put("content-type", "application/json");
        }
        headers.forEach((name, value) -> allHeaders.put(name.toLowerCase(), value));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + route)
                .withRawPath(path)
                .withHeaders(allHeaders)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("req-1")
                        .withRouteKey(method + " " + route)
                        .build())
                .build();
    }
}
