package com.miniwms.salesorders.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.miniwms.salesorders.local.emulator.LocalLog;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local HTTP API: the JDK's HTTP server on the loopback interface, turning each request into the payload-2.0
 * event API Gateway sends, invoking the route's function and mapping its response back, with API Gateway's own
 * answers for what never reaches a function (404, 413, 401, 403) and for a failing function (500).
 */
final class HttpApiServer implements AutoCloseable {

    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    /**
     * @param host interface to listen on (loopback)
     * @param port port, 0 for any free port
     * @param threads request threads
     * @param accountId {@code requestContext.accountId}
     * @param apiId {@code requestContext.apiId}
     * @param authorizer the local JWT check, or {@code null} when auth is off
     * @param clock time source
     */
    record Settings(String host, int port, int threads, String accountId, String apiId, JwtAuthorizer authorizer,
                    Clock clock) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MANAGED_HEADERS = Set.of("content-length", "transfer-encoding", "connection",
            "date");

    private final RouteTable routes;
    private final Settings settings;
    private final HttpApiEvents events;
    private HttpServer server;
    private ThreadPoolExecutor executor;

    HttpApiServer(RouteTable routes, Settings settings) {
        this.routes = routes;
        this.settings = settings;
        this.events = new HttpApiEvents(settings.accountId(), settings.apiId(), settings.clock());
    }

    /** Starts listening; fails with a clear message when the port is taken. */
    HttpApiServer start() {
        InetSocketAddress address = new InetSocketAddress(host(), settings.port());
        try {
            server = HttpServer.create(address, 128);
        } catch (BindException e) {
            throw new IllegalStateException("Port " + settings.port() + " on " + settings.host()
                    + " is in use: stop what uses it, or choose another port with PORT=... or --port", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the HTTP API on " + address, e);
        }
        executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256), threads(), new ThreadPoolExecutor.CallerRunsPolicy());
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        return this;
    }

    URI baseUri() {
        return URI.create("http://" + settings.host() + ":" + server.getAddress().getPort());
    }

    List<HttpRoute> routes() {
        return routes.routes();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private InetAddress host() {
        try {
            return InetAddress.getByName(settings.host());
        } catch (IOException e) {
            throw new UncheckedIOException("Unknown host " + settings.host(), e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        int status = 500;
        try {
            status = respond(exchange, requestId);
        } catch (IOException e) {
            LocalLog.debug("Connection closed while answering " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LocalLog.error("Local HTTP API failed on " + exchange.getRequestMethod() + " " + exchange.getRequestURI(),
                    e);
            status = sendMessage(exchange, requestId, 500, "Internal Server Error");
        } finally {
            exchange.close();
            if (LocalLog.debugEnabled()) {
                LocalLog.debug(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " -> " + status + " ("
                        + (System.nanoTime() - started) / 1_000_000 + " ms)");
            }
        }
    }

    private int respond(HttpExchange exchange, String requestId) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = Optional.ofNullable(exchange.getRequestURI().getRawPath()).orElse("/");
        String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");

        byte[] body = readBody(exchange);
        if (body == null) {
            return sendMessage(exchange, requestId, 413, "Request Entity Too Large");
        }

        Optional<RouteTable.Match> found;
        try {
            found = routes.find(method, rawPath);
        } catch (IllegalArgumentException malformed) {
            return sendMessage(exchange, requestId, 400, "Bad Request");
        }
        if (found.isEmpty()) {
            return sendMessage(exchange, requestId, 404, "Not Found");
        }
        RouteTable.Match match = found.get();
        HttpRoute route = match.route();

        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = null;
        if (settings.authorizer() != null && route.secured()) {
            JwtAuthorizer.Result result = settings.authorizer()
                    .check(exchange.getRequestHeaders().getFirst("Authorization"), route.scopes());
            switch (result.outcome()) {
                case UNAUTHORIZED -> {
                    LocalLog.debug("401 on " + route.routeKey() + ": " + result.reason());
                    exchange.getResponseHeaders().add("www-authenticate", "Bearer");
                    return sendMessage(exchange, requestId, 401, "Unauthorized");
                }
                case FORBIDDEN -> {
                    LocalLog.debug("403 on " + route.routeKey() + ": " + result.reason());
                    return sendMessage(exchange, requestId, 403, "Forbidden");
                }
                case ALLOWED -> jwt = result.jwt();
            }
        }

        IncomingRequest request = incoming(exchange, method, rawPath, rawQuery, body);
        APIGatewayV2HTTPEvent event;
        try {
            event = events.build(request, match, requestId, jwt);
        } catch (IllegalArgumentException malformed) {
            return sendMessage(exchange, requestId, 400, "Bad Request");
        }

        LocalFunction function = route.function();
        if (!function.loaded()) {
            LocalLog.error("Function " + function.logicalId() + " cannot answer " + route.routeKey() + ": "
                    + function.unavailableReason(), null);
            return sendMessage(exchange, requestId, 500, "Internal Server Error");
        }
        LambdaContext context = function.newContext();
        Object result;
        try {
            result = function.invoke(event, context);
        } catch (RuntimeException | Error e) {
            LocalLog.error("Function " + function.logicalId() + " failed on " + route.routeKey()
                    + " (request id " + context.getAwsRequestId() + ")", e);
            return sendMessage(exchange, requestId, 500, "Internal Server Error");
        }
        if (context.expired()) {
            LocalLog.warn("Function " + function.logicalId() + " ran past its Timeout of "
                    + function.definition().timeoutSeconds() + " s on " + route.routeKey()
                    + "; Lambda would have stopped it");
        }
        APIGatewayV2HTTPResponse response = toResponse(result);
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            LocalLog.error("Function " + function.logicalId() + " returned no valid statusCode on "
                    + route.routeKey() + ": " + result, null);
            return sendMessage(exchange, requestId, 500, "Internal Server Error");
        }
        return send(exchange, requestId, response);
    }

    /** The body, or {@code null} when it is larger than API Gateway accepts (the rest is read and dropped). */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = exchange.getRequestBody()) {
            if (length != null) {
                try {
                    if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                        in.transferTo(OutputStream.nullOutputStream());
                        return null;
                    }
                } catch (NumberFormatException ignored) {
                    // The JDK server has already rejected a malformed length; read as usual.
                }
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            return body;
        }
    }

    private IncomingRequest incoming(HttpExchange exchange, String method, String rawPath, String rawQuery,
                                     byte[] body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Headers requestHeaders = exchange.getRequestHeaders();
        requestHeaders.forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        String host = hostName(requestHeaders.getFirst("Host"));
        return new IncomingRequest(method, rawPath, rawQuery, exchange.getProtocol(), headers, body,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                host == null ? settings.host() : host, exchange.getLocalAddress().getPort());
    }

    private static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String host = hostHeader.trim();
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 0 ? host.substring(1, close) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }

    /** A handler's result as API Gateway reads it (typed response, or payload-2.0 format inference). */
    @SuppressWarnings("unchecked")
    static APIGatewayV2HTTPResponse toResponse(Object result) {
        if (result instanceof APIGatewayV2HTTPResponse typed) {
            return typed;
        }
        if (result == null) {
            return null;
        }
        if (result instanceof CharSequence text) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody(text.toString()).build();
        }
        Object tree = JSON.convertValue(result, Object.class);
        if (tree instanceof Map<?, ?> map && map.containsKey("statusCode")) {
            return JSON.convertValue(map, APIGatewayV2HTTPResponse.class);
        }
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withBody(JSON.writeValueAsString(tree)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int send(HttpExchange exchange, String requestId, APIGatewayV2HTTPResponse response) throws IOException {
        Headers out = exchange.getResponseHeaders();
        boolean contentType = false;
        if (response.getHeaders() != null) {
            for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                if (header.getValue() != null && !MANAGED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    out.add(header.getKey(), header.getValue());
                    contentType |= header.getKey().equalsIgnoreCase("content-type");
                }
            }
        }
        if (response.getMultiValueHeaders() != null) {
            for (Map.Entry<String, List<String>> header : response.getMultiValueHeaders().entrySet()) {
                if (header.getValue() != null && !MANAGED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(v -> out.add(header.getKey(), v));
                    contentType |= header.getKey().equalsIgnoreCase("content-type");
                }
            }
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> out.add("Set-Cookie", cookie));
        }
        byte[] body = new byte[0];
        if (response.getBody() != null) {
            body = response.getIsBase64Encoded()
                    ? Base64.getDecoder().decode(response.getBody())
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
        }
        if (!contentType && body.length > 0) {
            out.set("Content-Type", "application/json");
        }
        out.set("Apigw-Requestid", requestId);
        return write(exchange, response.getStatusCode(), body);
    }

    private static int sendMessage(HttpExchange exchange, String requestId, int status, String message) {
        try {
            Headers out = exchange.getResponseHeaders();
            out.set("Content-Type", "application/json");
            out.set("Apigw-Requestid", requestId);
            return write(exchange, status, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LocalLog.debug("Could not send " + status + ": " + e.getMessage());
            return status;
        }
    }

    private static int write(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod())
                || status == 204 || status == 304 || status < 200;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "http-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
