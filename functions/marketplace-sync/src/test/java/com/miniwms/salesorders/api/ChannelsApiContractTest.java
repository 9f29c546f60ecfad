package com.miniwms.salesorders.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.miniwms.salesorders.channels.ChannelService;
import com.miniwms.salesorders.channels.ChannelsApiHandler;
import com.miniwms.salesorders.channels.InMemoryChannels;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.sync.SyncCounts;
import com.miniwms.salesorders.sync.SyncRecord;
import com.miniwms.salesorders.sync.SyncStatus;
import com.miniwms.salesorders.sync.SyncStore;
import com.miniwms.salesorders.sync.TestSyncStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel API against openapi.yaml and template.yaml: the template's channel routes are the handler's, and
 * every answer the handler gives in a realistic session conforms to the documented operation.
 */
class ChannelsApiContractTest {
    private static OpenApiContract contract;
    private static List<String[]> channelRoutes;

    private ChannelsApiHandler handler;
    private SyncStore syncs;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() {
        contract = OpenApiContract.load();
        Map<String, Object> template = YamlFiles.loadCloudFormation(YamlFiles.projectRoot().resolve("template.yaml"));
        channelRoutes = new ArrayList<>();
        ((Map<String, Object>) template.get("Resources")).forEach((name, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))
                    || !String.valueOf(properties.get("Handler")).startsWith(ChannelsApiHandler.class.getName())) {
                return;
            }
            ((Map<String, Object>) properties.getOrDefault("Events", Map.of())).values().forEach(e -> {
                Map<String, Object> event = (Map<String, Object>) e;
                Map<String, Object> props = (Map<String, Object>) event.get("Properties");
                channelRoutes.add(new String[] {String.valueOf(props.get("Method")).toUpperCase(Locale.ROOT),
                        String.valueOf(props.get("Path"))});
            });
        });
    }

    @BeforeEach
    void setUp() throws Exception {
        InMemoryChannels fakes = new InMemoryChannels();
        syncs = TestSyncStores.inMemory();
        var constructor = ChannelsApiHandler.class.getDeclaredConstructor(ChannelService.class);
        constructor.setAccessible(true);
        handler = constructor.newInstance(new ChannelService(fakes, fakes, fakes, syncs, fakes, Clock.systemUTC()));
    }

    private APIGatewayV2HTTPResponse call(String method, String route, String id, String body,
                                          Map<String, String> query) {
        String path = id == null ? route : route.replace("{connectionId}", id);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(method + " " + route);
        event.setRawPath(path);
        event.setPathParameters(id == null ? null : Map.of("connectionId", id));
        event.setQueryStringParameters(query);
        Map<String, String> headers = new HashMap<>();
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        event.setHeaders(headers);
        event.setBody(body);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRequestId("contract");
        event.setRequestContext(context);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, (Context) null);
        contract.validate(method, route, response);
        return response;
    }

    @Test
    void theTemplateRoutesTheChannelOperationsToThisHandler() throws Exception {
        assertThat(channelRoutes).extracting(r -> r[0] + " " + r[1]).containsExactlyInAnyOrder(
                "PUT /channels/{connectionId}", "GET /channels", "GET /channels/{connectionId}",
                "DELETE /channels/{connectionId}", "GET /channels/{connectionId}/syncs",
                "POST /channels/{connectionId}/sync");
        assertThat(RequestHandler.class).isAssignableFrom(ChannelsApiHandler.class);
        assertThat(ChannelsApiHandler.class.getConstructor()).isNotNull();
        for (String[] route : channelRoutes) {
            APIGatewayV2HTTPResponse response = call(route[0], route[1], route[1].contains("{") ? "shop-x" : null,
                    route[0].equals("PUT") ? "{}" : null, null);
            if (route[0].equals("POST")) {
                assertThat(response.getStatusCode()).as("sync now of an unknown connection").isEqualTo(404);
            }
            assertThat(Json.MAPPER.readTree(response.getBody() == null ? "{}" : response.getBody())
                    .path("detail").asText()).doesNotStartWith("No route");
        }
    }

    @Test
    void everyAnswerOfASessionConformsToTheDocument() {
        String shopify = """
                {"type":"SHOPIFY","schedule":"rate(30 minutes)","settings":{"storeUrl":"https://demo.myshopify.com"},
                 "credentials":{"accessToken":"shpat_contract"}}""";
        assertThat(call("PUT", "/channels/{connectionId}", "demo", shopify, null).getStatusCode()).isEqualTo(201);
        assertThat(call("PUT", "/channels/{connectionId}", "demo", shopify, null).getStatusCode()).isEqualTo(200);
        assertThat(call("PUT", "/channels/{connectionId}", "demo", "{\"type\":\"EBAY\"}", null).getStatusCode())
                .isEqualTo(409);
        assertThat(call("PUT", "/channels/{connectionId}", "other", "{\"type\":\"AMAZON\"}", null).getStatusCode())
                .isEqualTo(400);
        assertThat(call("PUT", "/channels/{connectionId}", "other", "not json", null).getStatusCode()).isEqualTo(400);
        syncs.saveRun(new SyncRecord("demo", "s1", SyncStatus.PARTIALLY_SUCCEEDED, Instant.now().minusSeconds(60),
                Instant.now(), 2, new SyncCounts(3, 1, 0, 1), List.of("Order 7: shipTo.country is not a country")));
        assertThat(call("GET", "/channels", null, null, null).getStatusCode()).isEqualTo(200);
        assertThat(call("GET", "/channels/{connectionId}", "demo", null, null).getStatusCode()).isEqualTo(200);
        assertThat(call("GET", "/channels/{connectionId}/syncs", "demo", null, Map.of("limit", "1")).getStatusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/channels/{connectionId}/syncs", "demo", null, Map.of("limit", "x")).getStatusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/channels/{connectionId}", "nope", null, null).getStatusCode()).isEqualTo(404);
        assertThat(call("POST", "/channels/{connectionId}/sync", "demo", null, null).getStatusCode()).isEqualTo(202);
        assertThat(call("POST", "/channels/{connectionId}/sync", "nope", null, null).getStatusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/channels/{connectionId}", "demo", null, null).getStatusCode()).isEqualTo(204);
        assertThat(call("DELETE", "/channels/{connectionId}", "demo", null, null).getStatusCode()).isEqualTo(404);
    }
}
