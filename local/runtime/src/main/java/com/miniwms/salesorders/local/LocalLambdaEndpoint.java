package com.miniwms.salesorders.local;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.miniwms.salesorders.local.emulator.LocalLog;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda {@code Invoke} API for the functions hosted in this JVM, on a loopback port: what a function's
 * {@code LambdaClient} reaches when it invokes another function of the stack (the runtime points the SDK's
 * {@code aws.endpointUrlLambda} here; every other service stays on the emulator).
 *
 * <p>{@code POST /2015-03-31/functions/{name or ARN}/invocations}: with {@code X-Amz-Invocation-Type: Event} the
 * function runs on a background thread and the answer is 202 at once, as on AWS; otherwise it runs now and its
 * result is the body (200; a function error adds {@code X-Amz-Function-Error: Unhandled}). The JSON payload is read
 * into the handler's input type. An unknown function answers 404 {@code ResourceNotFoundException}.
 */
final class LocalLambdaEndpoint implements Trigger {

    /** The SDK's service-specific endpoint setting for Lambda. */
    static final String ENDPOINT_PROPERTY = "aws.endpointUrlLambda";
    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService events;
    private final Supplier<List<LocalFunction>> functions;
    private final String previousEndpoint;

    private LocalLambdaEndpoint(HttpServer server, ExecutorService events, Supplier<List<LocalFunction>> functions,
                                String previousEndpoint) {
        this.server = server;
        this.events = events;
        this.functions = functions;
        this.previousEndpoint = previousEndpoint;
    }

    /**
     * Starts the endpoint and points the SDK's Lambda clients at it.
     *
     * @param functions the hosted functions (asked at each call, so it may be filled in after the start)
     */
    static LocalLambdaEndpoint start(Supplier<List<LocalFunction>> functions) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the local Lambda endpoint: " + e.getMessage(), e);
        }
        ExecutorService events = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lambda-event-invoke");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "lambda-endpoint");
            thread.setDaemon(true);
            return thread;
        }));
        LocalLambdaEndpoint endpoint = new LocalLambdaEndpoint(server, events, functions,
                System.getProperty(ENDPOINT_PROPERTY));
        server.createContext("/", endpoint::handle);
        server.start();
        System.setProperty(ENDPOINT_PROPERTY, endpoint.baseUri().toString());
        return endpoint;
    }

    URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    @Override
    public String description() {
        return "Lambda Invoke API for the local functions on " + baseUri();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
        events.shutdownNow();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (previousEndpoint == null) {
            System.clearProperty(ENDPOINT_PROPERTY);
        } else {
            System.setProperty(ENDPOINT_PROPERTY, previousEndpoint);
        }
    }

    /** The hosted function a name, partial ARN or ARN (with or without a qualifier) names. */
    Optional<LocalFunction> find(String nameOrArn) {
        String name = nameOrArn;
        int at = name.indexOf(":function:");
        if (at >= 0) {
            name = name.substring(at + ":function:".length());
        }
        int qualifier = name.indexOf(':');
        if (qualifier >= 0) {
            name = name.substring(0, qualifier);
        }
        for (LocalFunction function : functions.get()) {
            if (function.functionName().equals(name) || function.logicalId().equals(name)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** Runs the function on the payload as an invocation of the given source would; returns its result. */
    static Object invoke(LocalFunction function, byte[] payload) throws IOException {
        Object event;
        if (payload.length == 0) {
            event = null;
        } else {
            JavaType type = JSON.getTypeFactory().constructType(function.inputType());
            event = JSON.readValue(payload, type);
        }
        return function.invoke(event, function.newContext());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher matcher = INVOKE.matcher(exchange.getRequestURI().getRawPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !matcher.matches()) {
                error(exchange, 404, "UnknownOperationException", "Only Invoke is served locally");
                return;
            }
            String name = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
            byte[] payload;
            try (InputStream in = exchange.getRequestBody()) {
                payload = in.readAllBytes();
            }
            Optional<LocalFunction> found = find(name);
            if (found.isEmpty() || !found.get().loaded()) {
                error(exchange, 404, "ResourceNotFoundException", "Function not found locally: " + name);
                return;
            }
            LocalFunction function = found.get();
            String invocationType = Optional.ofNullable(exchange.getRequestHeaders()
                    .getFirst("X-Amz-Invocation-Type")).orElse("RequestResponse");
            if ("Event".equals(invocationType)) {
                events.submit(() -> {
                    try {
                        invoke(function, payload);
                    } catch (IOException | RuntimeException e) {
                        LocalLog.warn(function.logicalId() + " failed on an asynchronous invoke: " + e);
                    }
                });
                send(exchange, 202, new byte[0], Map.of());
                return;
            }
            if ("DryRun".equals(invocationType)) {
                send(exchange, 204, new byte[0], Map.of());
                return;
            }
            try {
                Object result = invoke(function, payload);
                send(exchange, 200, JSON.writeValueAsBytes(result), Map.of("X-Amz-Executed-Version", "$LATEST"));
            } catch (IOException | RuntimeException e) {
                byte[] body = JSON.writeValueAsBytes(Map.of("errorMessage", String.valueOf(e.getMessage()),
                        "errorType", e.getClass().getName()));
                send(exchange, 200, body, Map.of("X-Amz-Function-Error", "Unhandled",
                        "X-Amz-Executed-Version", "$LATEST"));
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("Type", "User", "message", message));
        send(exchange, status, body, Map.of("x-amzn-ErrorType", type));
    }

    private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
