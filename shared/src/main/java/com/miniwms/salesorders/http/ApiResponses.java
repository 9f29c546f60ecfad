package com.miniwms.salesorders.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.miniwms.salesorders.json.Json;

import java.util.HashMap;
import java.util.Map;

/** Builds payload-2.0 responses with JSON bodies. */
public final class ApiResponses {
    private ApiResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return raw(status, write(body), all);
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse noContent() {
        return raw(204, null, Map.of());
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return raw(problem.status(), write(problem), Map.of("Content-Type", Problem.MEDIA_TYPE));
    }

    public static APIGatewayV2HTTPResponse raw(int status, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.putIfAbsent("Cache-Control", "no-store");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    public static String write(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write response body", e);
        }
    }
}
