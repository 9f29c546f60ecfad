package com.miniwms.salesorders.local;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the route for a request the way API Gateway HTTP APIs do: the most specific match wins (literal segments
 * over path variables, path variables over a greedy variable, a named method over {@code ANY}, {@code $default}
 * last).
 */
final class RouteTable {

    /** A chosen route with its decoded path parameters. */
    record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private static final Comparator<HttpRoute> MOST_SPECIFIC_FIRST = Comparator
            .comparing((HttpRoute r) -> r.path().isDefault())
            .thenComparing(r -> r.path().greedy())
            .thenComparing(r -> -r.path().literalSegments())
            .thenComparing(r -> -r.path().segmentCount())
            .thenComparing(r -> HttpRoute.ANY.equals(r.method()));

    private final List<HttpRoute> routes;

    RouteTable(List<HttpRoute> routes) {
        this.routes = routes.stream().sorted(MOST_SPECIFIC_FIRST).toList();
    }

    List<HttpRoute> routes() {
        return routes;
    }

    /**
     * @throws IllegalArgumentException for a path with malformed percent-encoding
     */
    Optional<Match> find(String method, String rawPath) {
        for (HttpRoute route : routes) {
            Optional<Map<String, String>> parameters = route.match(method, rawPath);
            if (parameters.isPresent()) {
                return Optional.of(new Match(route, parameters.get()));
            }
        }
        return Optional.empty();
    }
}
