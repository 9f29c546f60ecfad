package com.miniwms.salesorders.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** A read-only view of an API Gateway payload-2.0 event with the look-ups handlers need. */
public final class ApiRequest {
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String ANONYMOUS = "anonymous";

    private final APIGatewayV2HTTPEvent event;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public String routeKey() {
        return event.getRouteKey();
    }

    public String path() {
        return event.getRawPath();
    }

    public String requestId() {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    /** Header value by case-insensitive name (API Gateway lower-cases names; other callers may not). */
    public String header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    public String pathParameter(String name) {
        Map<String, String> params = event.getPathParameters();
        String value = params == null ? null : params.get(name);
        if (value == null || value.isBlank()) {
            throw HttpException.badParameter(name, "is missing from the path");
        }
        return value;
    }

    public String query(String name) {
        Map<String, String> params = event.getQueryStringParameters();
        String value = params == null ? null : params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public Map<String, String> queryParameters() {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }

    /** The body as bytes, base64-decoded when API Gateway encoded it; refused above 1 MB. */
    public byte[] body() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new HttpException(400, "Invalid request", "The body is marked base64 but is not valid base64");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new HttpException(413, "Payload too large",
                    "The body has " + bytes.length + " bytes; the limit is " + MAX_BODY_BYTES);
        }
        return bytes;
    }

    /** Who is calling, from the JWT authorizer's claims; "anonymous" where no authorizer runs (local use). */
    public String caller() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return ANONYMOUS;
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        for (String claim : new String[] {"username", "cognito:username", "email", "client_id", "sub"}) {
            String value = claims.get(claim);
            if (value != null && !value.isBlank()) {
                return value.length() > 128 ? value.substring(0, 128) : value;
            }
        }
        return ANONYMOUS;
    }
}
