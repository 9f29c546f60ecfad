package com.miniwms.salesorders.local;

import com.miniwms.salesorders.local.emulator.LocalLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The sandbox of {@code make run}: the marketplace stand-ins ({@link MarketplaceSandbox}) and one channel connection
 * to each, created through the local API ({@code PUT /channels/{id}}) like a merchant would, so their schedules run
 * locally and "sync now" works on them.
 */
final class SandboxTrigger implements Trigger {

    private final MarketplaceSandbox sandbox;
    private final List<String> connections;

    private SandboxTrigger(MarketplaceSandbox sandbox, List<String> connections) {
        this.sandbox = sandbox;
        this.connections = List.copyOf(connections);
    }

    /**
     * Starts the stand-ins and creates the demo connections.
     *
     * @param api the local HTTP API
     * @param tokens a bearer token for a route key, or {@code null} when auth is off
     */
    static SandboxTrigger start(URI api, Function<String, String> tokens) {
        MarketplaceSandbox sandbox = MarketplaceSandbox.start();
        List<String> created = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            String token = tokens.apply("PUT /channels/{connectionId}");
            for (Map.Entry<String, String> connection
                    : sandbox.demoConnections(LocalRuntime.SANDBOX_SCHEDULE).entrySet()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve("/channels/" + connection.getKey()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(connection.getValue()));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    created.add(connection.getKey());
                } else {
                    // The answer never echoes credentials, so it may be shown.
                    LocalLog.warn("Sandbox connection " + connection.getKey() + " was not created: HTTP "
                            + response.statusCode() + " " + abbreviate(response.body()));
                }
            }
        } catch (IOException e) {
            LocalLog.warn("Sandbox connections were not created: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println(sandbox.description() + "; connections " + created);
        System.out.flush();
        return new SandboxTrigger(sandbox, created);
    }

    MarketplaceSandbox sandbox() {
        return sandbox;
    }

    /** The demo connections that were created. */
    List<String> connections() {
        return connections;
    }

    @Override
    public String description() {
        return sandbox.description();
    }

    @Override
    public void close() {
        sandbox.close();
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
