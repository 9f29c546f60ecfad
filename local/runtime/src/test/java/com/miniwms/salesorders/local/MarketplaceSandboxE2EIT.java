package com.miniwms.salesorders.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code make run}'s marketplace sandbox end to end: the local runtime with the stand-ins and the three demo
 * connections; "sync now" runs the sync function in this JVM through the local Lambda endpoint, orders of all three
 * marketplaces arrive, a second run adds none, and the connections' schedules on the emulator run locally.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketplaceSandboxE2EIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CONNECTIONS = Map.of(
            "sandbox-shopify", "SHOPIFY", "sandbox-amazon", "AMAZON", "sandbox-ebay", "EBAY");

    private static LocalRuntime runtime;
    private static HttpClient http;
    private static final Map<String, Integer> ordersAfterFirstSync = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        System.setProperty(LocalRuntime.SANDBOX_PROPERTY, "on");
        // The schedules' own runs are checked separately below; here only "sync now" runs.
        System.setProperty(SchedulerScheduleRunner.FIRST_RUN_PROPERTY, "3600");
        try {
            runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withSeed(false)
                    .withStackName("sales-orders-sandbox-" + ProcessHandle.current().pid()));
        } finally {
            System.clearProperty(LocalRuntime.SANDBOX_PROPERTY);
            System.clearProperty(SchedulerScheduleRunner.FIRST_RUN_PROPERTY);
        }
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(runtime.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String method, String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(method, path);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    /** Starts a run now and waits for its record to finish; returns the record. */
    private static JsonNode syncNow(String connectionId) throws Exception {
        String syncId = json("POST", "/channels/" + connectionId + "/sync", 202).path("syncId").asText();
        assertThat(syncId).isNotBlank();
        return awaitRun(connectionId, run -> run.path("syncId").asText().equals(syncId));
    }

    private static JsonNode awaitRun(String connectionId, java.util.function.Predicate<JsonNode> which)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode run : json("GET", "/channels/" + connectionId + "/syncs", 200).path("items")) {
                if (which.test(run) && !run.path("status").asText().equals("RUNNING")) {
                    return run;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No finished run of " + connectionId + " within 90 s");
    }

    private static int channelOrders(String channel) throws Exception {
        int count = 0;
        String cursor = null;
        do {
            String path = "/orders?channel=" + channel + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, "UTF-8"));
            JsonNode page = json("GET", path, 200);
            for (JsonNode order : page.path("items")) {
                assertThat(order.path("channel").asText()).isEqualTo(channel);
                count++;
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return count;
    }

    @Test
    @Order(1)
    void theRuntimeCreatesOneConnectionPerMarketplaceWithoutShowingTheirCredentials() throws Exception {
        assertThat(runtime.sandbox()).isPresent();
        HttpResponse<String> list = send("GET", "/channels");
        assertThat(list.statusCode()).isEqualTo(200);
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode connection : JSON.readTree(list.body()).path("items")) {
            types.put(connection.path("connectionId").asText(), connection.path("type").asText());
        }
        assertThat(types).containsAllEntriesOf(CONNECTIONS);
        assertThat(list.body()).doesNotContain("sandbox-not-a-secret", "sandbox-not-a-token",
                "shpat_sandbox_not_a_real_token");
    }

    @Test
    @Order(2)
    void syncNowBringsTheOrdersOfAllThreeMarketplaces() throws Exception {
        for (Map.Entry<String, String> connection : CONNECTIONS.entrySet()) {
            JsonNode run = syncNow(connection.getKey());
            assertThat(run.path("status").asText()).as("run of %s: %s", connection.getKey(), run)
                    .isEqualTo("SUCCEEDED");
            assertThat(run.path("pages").asInt()).as("%s pages", connection.getKey()).isEqualTo(2);
            assertThat(run.path("counts").path("created").asInt()).as("%s created", connection.getKey())
                    .isGreaterThan(0);
            assertThat(run.path("counts").path("failed").asInt()).isZero();
            int orders = channelOrders(connection.getValue());
            assertThat(orders).as("%s orders", connection.getValue())
                    .isEqualTo(run.path("counts").path("created").asInt());
            ordersAfterFirstSync.put(connection.getValue(), orders);
        }
        // The throttled answers were served (and survived): Shopify's THROTTLED and Amazon's 429 come first.
        assertThat(runtime.sandbox().orElseThrow().requests())
                .allSatisfy((marketplace, requests) -> assertThat(requests).as(marketplace).isGreaterThan(2));
    }

    @Test
    @Order(3)
    void aSecondSyncCreatesNone() throws Exception {
        assertThat(ordersAfterFirstSync).hasSize(3);
        for (Map.Entry<String, String> connection : CONNECTIONS.entrySet()) {
            JsonNode run = syncNow(connection.getKey());
            assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(run.path("counts").path("created").asInt()).as("%s created", connection.getKey()).isZero();
            assertThat(run.path("counts").path("unchanged").asInt()).isGreaterThan(0);
            assertThat(channelOrders(connection.getValue())).isEqualTo(ordersAfterFirstSync.get(connection.getValue()));
        }
    }

    @Test
    @Order(4)
    void theConnectionsSchedulesOnTheEmulatorRunTheSyncLocally() throws Exception {
        List<String> groups = runtime.aws().stack().resources().values().stream()
                .filter(r -> r.type().equals("AWS::Scheduler::ScheduleGroup")).map(r -> r.physicalId()).toList();
        assertThat(groups).hasSize(1);
        Map<String, Integer> runsBefore = new LinkedHashMap<>();
        for (String connectionId : CONNECTIONS.keySet()) {
            runsBefore.put(connectionId, json("GET", "/channels/" + connectionId + "/syncs", 200).path("items").size());
        }
        SchedulerScheduleRunner schedules = new SchedulerScheduleRunner(runtime.aws().clients().scheduler(), groups,
                arn -> runtime.functions().stream().filter(f -> f.functionArn().equals(arn)).findFirst(),
                Duration.ofMinutes(1), Duration.ZERO, Clock.systemUTC());
        try {
            schedules.pollOnce();
            for (String connectionId : CONNECTIONS.keySet()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                JsonNode items;
                do {
                    Thread.sleep(200);
                    items = json("GET", "/channels/" + connectionId + "/syncs", 200).path("items");
                } while ((items.size() <= runsBefore.get(connectionId)
                        || items.get(0).path("status").asText().equals("RUNNING")) && System.nanoTime() < deadline);
                assertThat(items.size()).as("runs of %s", connectionId).isEqualTo(runsBefore.get(connectionId) + 1);
                assertThat(items.get(0).path("status").asText()).isEqualTo("SUCCEEDED");
                assertThat(items.get(0).path("counts").path("created").asInt()).isZero();
            }
        } finally {
            schedules.close();
        }
    }
}
