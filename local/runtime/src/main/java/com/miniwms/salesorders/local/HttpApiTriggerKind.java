package com.miniwms.salesorders.local;

import com.miniwms.salesorders.local.emulator.LocalLog;
import com.miniwms.salesorders.local.emulator.SamEvent;
import com.miniwms.salesorders.local.emulator.SamResource;
import com.miniwms.salesorders.local.emulator.SamTemplate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Type: HttpApi} events: every route of every function behind one local HTTP server, with the
 * authorization each route has in the template (used when local auth is on).
 */
final class HttpApiTriggerKind implements TriggerKind {

    static final String TYPE = "HttpApi";
    private static final String IMPLICIT_API = "ServerlessHttpApi";
    private static final String NO_AUTHORIZER = "NONE";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public HttpApiTrigger start(TriggerContext context, List<FunctionEvent> events) {
        List<HttpRoute> routes = routes(context.template(), events);
        LocalRuntime.Options options = context.options();
        JwtAuthorizer authorizer = options.auth() ? new JwtAuthorizer(options.jwtSecret(), context.clock()) : null;
        HttpApiServer.Settings settings = new HttpApiServer.Settings(options.host(), options.port(),
                options.threads(), context.stack().accountId(), apiId(context.stack().stackName()), authorizer,
                context.clock());
        HttpApiServer server = new HttpApiServer(new RouteTable(routes), settings).start();
        return new HttpApiTrigger(server);
    }

    /** The routes of the given events, in template order; a route key defined twice keeps its first function. */
    static List<HttpRoute> routes(SamTemplate template, List<FunctionEvent> events) {
        Map<String, HttpRoute> byKey = new LinkedHashMap<>();
        for (FunctionEvent functionEvent : events) {
            SamEvent event = functionEvent.event();
            String method = event.string("Method").orElse(HttpRoute.ANY);
            if (method.equalsIgnoreCase("x-amazon-apigateway-any-method") || method.equals("*")) {
                method = HttpRoute.ANY;
            }
            String path = event.string("Path").orElse(PathTemplate.DEFAULT_ROUTE);
            Map<String, Object> api = apiProperties(template, event);
            Map<String, Object> apiAuth = map(api.get("Auth"));
            Map<String, Object> routeAuth = event.map("Auth");
            String authorizer = string(routeAuth.get("Authorizer"));
            if (authorizer == null) {
                authorizer = string(apiAuth.get("DefaultAuthorizer"));
            }
            if (NO_AUTHORIZER.equalsIgnoreCase(String.valueOf(authorizer))) {
                authorizer = null;
            }
            List<String> scopes = strings(routeAuth.get("AuthorizationScopes"));
            if (scopes.isEmpty() && authorizer != null) {
                scopes = strings(map(map(apiAuth.get("Authorizers")).get(authorizer)).get("AuthorizationScopes"));
            }
            HttpRoute route = new HttpRoute(method, PathTemplate.parse(path), functionEvent.function(), authorizer,
                    scopes);
            HttpRoute existing = byKey.putIfAbsent(route.routeKey(), route);
            if (existing != null) {
                LocalLog.warn("Route " + route.routeKey() + " is defined by " + existing.function().logicalId()
                        + " and by " + functionEvent.function().logicalId() + "." + event.name()
                        + "; the first one is used");
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** The properties of the event's {@code AWS::Serverless::HttpApi}, with {@code Globals.HttpApi} under them. */
    private static Map<String, Object> apiProperties(SamTemplate template, SamEvent event) {
        Map<String, Object> merged = new LinkedHashMap<>(template.globals("HttpApi"));
        String apiId = IMPLICIT_API;
        Object ref = event.properties().get("ApiId");
        if (ref instanceof Map<?, ?> refMap && refMap.get("Ref") instanceof String logicalId) {
            apiId = logicalId;
        }
        template.resource(apiId).map(SamResource::properties).ifPresent(merged::putAll);
        return merged;
    }

    /** A stable ten-character API id per stack, shaped like API Gateway's. */
    private static String apiId(String stackName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(stackName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String string(Object value) {
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : value.toString();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** The running HTTP API. */
    static final class HttpApiTrigger implements Trigger {
        private final HttpApiServer server;

        HttpApiTrigger(HttpApiServer server) {
            this.server = server;
        }

        URI baseUri() {
            return server.baseUri();
        }

        List<HttpRoute> routes() {
            return server.routes();
        }

        @Override
        public String description() {
            return "HTTP API on " + baseUri() + " (" + server.routes().size() + " routes)";
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
