package com.miniwms.salesorders.local;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP API route: method and path, the function it invokes and the authorization it needs.
 *
 * @param method upper-case HTTP method, or {@code ANY}
 * @param path the route path
 * @param function the function invoked
 * @param authorizer the authorizer name, or {@code null} when the route is open
 * @param scopes the authorization scopes of the route (any one of them is enough)
 */
record HttpRoute(String method, PathTemplate path, LocalFunction function, String authorizer, List<String> scopes) {

    static final String ANY = "ANY";

    HttpRoute {
        method = method.toUpperCase(Locale.ROOT);
        scopes = List.copyOf(scopes);
    }

    static HttpRoute open(String method, String path, LocalFunction function) {
        return new HttpRoute(method, PathTemplate.parse(path), function, null, List.of());
    }

    /** {@code GET /orders/{orderNumber}}, or {@code $default}. */
    String routeKey() {
        return path.isDefault() ? PathTemplate.DEFAULT_ROUTE : method + " " + path.text();
    }

    boolean secured() {
        return authorizer != null;
    }

    boolean accepts(String requestMethod) {
        return ANY.equals(method) || path.isDefault() || method.equalsIgnoreCase(requestMethod);
    }

    Optional<Map<String, String>> match(String requestMethod, String rawPath) {
        return accepts(requestMethod) ? path.match(rawPath) : Optional.empty();
    }
}
