package com.miniwms.salesorders.channels;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.sync.SyncCounts;
import com.miniwms.salesorders.sync.SyncRecord;
import com.miniwms.salesorders.sync.SyncStatus;
import com.miniwms.salesorders.sync.TestSyncStores;
import com.miniwms.salesorders.sync.SyncStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelsApiTest {
    static final String TOKEN = "shpat_very_secret_token_42";
    static final String SHOPIFY = """
            {"type":"SHOPIFY","settings":{"storeUrl":"https://demo-shop.myshopify.com"},
             "credentials":{"accessToken":"%s"}}""".formatted(TOKEN);

    private final InMemoryChannels fakes = new InMemoryChannels();
    private final SyncStore syncs = TestSyncStores.inMemory();
    private final List<String> logLines = new ArrayList<>();
    private final ChannelsApiHandler handler = new ChannelsApiHandler(new ChannelService(fakes, fakes, fakes, syncs, fakes,
            Clock.fixed(Instant.parse("2026-07-01T10:00:00Z"), ZoneOffset.UTC)));

    static APIGatewayV2HTTPEvent event(String method, String route, String path, Map<String, String> pathParameters,
                                       String body, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(method + " " + route);
        event.setRawPath(path);
        event.setPathParameters(pathParameters);
        event.setQueryStringParameters(query);
        Map<String, String> headers = new HashMap<>();
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        event.setHeaders(headers);
        event.setBody(body);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRequestId("req-1");
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        context.setHttp(http);
        event.setRequestContext(context);
        return event;
    }

    private APIGatewayV2HTTPResponse call(String method, String route, String id, String body,
                                          Map<String, String> query) {
        String path = id == null ? route : route.replace("{connectionId}", id);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(method, route, path,
                id == null ? null : Map.of("connectionId", id), body, query), context());
        assertThat(response.getBody() == null ? "" : response.getBody()).doesNotContain(TOKEN)
                .doesNotContain("refresh-secret");
        return response;
    }

    private APIGatewayV2HTTPResponse put(String id, String body) {
        return call("PUT", "/channels/{connectionId}", id, body, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Context context() {
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                logLines.add(message);
            }

            @Override
            public void log(byte[] message) {
                logLines.add(new String(message));
            }
        };
        return new Context() {
            public String getAwsRequestId() { return "req-1"; }
            public String getLogGroupName() { return "g"; }
            public String getLogStreamName() { return "s"; }
            public String getFunctionName() { return "f"; }
            public String getFunctionVersion() { return "1"; }
            public String getInvokedFunctionArn() { return "arn"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return 10_000; }
            public int getMemoryLimitInMB() { return 512; }
            public LambdaLogger getLogger() { return logger; }
        };
    }

    @Test
    void aShopifyConnectionIsCreatedWithItsTokenInTheCredentialStoreOnly() {
        APIGatewayV2HTTPResponse response = put("demo-shop", SHOPIFY);

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.path("type").asText()).isEqualTo("SHOPIFY");
        assertThat(body.path("enabled").asBoolean()).isTrue();
        assertThat(body.path("schedule").asText()).isEqualTo("rate(15 minutes)");
        assertThat(body.at("/settings/storeUrl").asText()).isEqualTo("https://demo-shop.myshopify.com");
        assertThat(body.at("/settings/apiBaseUrl").asText()).isEqualTo("https://demo-shop.myshopify.com");
        assertThat(body.at("/settings/apiVersion").asText()).isEqualTo("2026-07");
        assertThat(body.at("/credentials/set/0").asText()).isEqualTo("accessToken");
        assertThat(body.at("/credentials/changedAt").asText()).isEqualTo("2026-07-01T10:00:00Z");
        assertThat(fakes.secrets.get("demo-shop")).containsEntry("accessToken", TOKEN);
        assertThat(fakes.schedules).containsEntry("demo-shop", "rate(15 minutes)");
        assertThat(String.join("\n", logLines)).doesNotContain(TOKEN);
    }

    @Test
    void aReplacementWithoutCredentialsKeepsThemAndMayDisableTheSchedule() {
        put("demo-shop", SHOPIFY);
        APIGatewayV2HTTPResponse response = put("demo-shop", """
                {"type":"SHOPIFY","enabled":false,"schedule":"rate(1 hour)",
                 "settings":{"storeUrl":"demo-shop.myshopify.com","apiVersion":"2026-04"}}""");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).at("/credentials/set/0").asText()).isEqualTo("accessToken");
        assertThat(fakes.secrets.get("demo-shop")).containsEntry("accessToken", TOKEN);
        assertThat(fakes.schedules).containsEntry("demo-shop", "rate(1 hour) (disabled)");
        assertThat(fakes.connections.get("demo-shop").version()).isEqualTo(2);
    }

    @Test
    void theTypeOfAConnectionCannotChange() {
        put("demo-shop", SHOPIFY);
        APIGatewayV2HTTPResponse response = put("demo-shop", """
                {"type":"EBAY","credentials":{"accessToken":"x"}}""");
        assertThat(response.getStatusCode()).isEqualTo(409);
    }

    @Test
    void settingsAndCredentialsAreCheckedPerTypeWithoutEchoingSecrets() {
        APIGatewayV2HTTPResponse notShopify = put("a", """
                {"type":"SHOPIFY","settings":{"storeUrl":"https://evil.example.com"},"credentials":{"accessToken":"%s"}}"""
                .formatted(TOKEN));
        assertThat(notShopify.getStatusCode()).isEqualTo(400);
        assertThat(notShopify.getBody()).contains("settings.storeUrl");

        APIGatewayV2HTTPResponse plainHttp = put("a", """
                {"type":"EBAY","settings":{"apiBaseUrl":"http://ebay.example.com"},"credentials":{"accessToken":"%s"}}"""
                .formatted(TOKEN));
        assertThat(plainHttp.getStatusCode()).isEqualTo(400);
        assertThat(plainHttp.getBody()).contains("settings.apiBaseUrl");

        APIGatewayV2HTTPResponse amazonIncomplete = put("a", """
                {"type":"AMAZON","settings":{"region":"EU","marketplaceIds":["A1PA6795UKMFR9"]},
                 "credentials":{"clientId":"amzn1.application-oa2-client.x","clientSecret":"refresh-secret"}}""");
        assertThat(amazonIncomplete.getStatusCode()).isEqualTo(400);
        assertThat(amazonIncomplete.getBody()).contains("refreshToken");

        APIGatewayV2HTTPResponse noCredentials = put("a", """
                {"type":"SHOPIFY","settings":{"storeUrl":"https://a.myshopify.com"}}""");
        assertThat(noCredentials.getStatusCode()).isEqualTo(400);

        APIGatewayV2HTTPResponse badSchedule = put("a", SHOPIFY.replace("\"type\"", "\"schedule\":\"rate(1 minute)\",\"type\""));
        assertThat(badSchedule.getStatusCode()).isEqualTo(400);
        assertThat(badSchedule.getBody()).contains("schedule");

        APIGatewayV2HTTPResponse badId = put("bad id!", SHOPIFY);
        assertThat(badId.getStatusCode()).isEqualTo(400);
        assertThat(fakes.secrets).isEmpty();
        assertThat(String.join("\n", logLines)).doesNotContain(TOKEN).doesNotContain("refresh-secret");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithoutQuotingIt() {
        APIGatewayV2HTTPResponse response = put("demo-shop",
                "{\"type\":\"SHOPIFY\",\"credentials\":{\"accessToken\": " + TOKEN + "}}");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("not valid JSON");
    }

    @Test
    void amazonAndEbayGetTheirProductionHostsUnlessALoopbackStandInIsNamed() {
        JsonNode amazon = json(put("amz", """
                {"type":"AMAZON","settings":{"region":"eu","marketplaceIds":["A1PA6795UKMFR9"]},
                 "credentials":{"clientId":"c","clientSecret":"refresh-secret","refreshToken":"Atzr|r"}}"""));
        assertThat(amazon.at("/settings/apiBaseUrl").asText()).isEqualTo("https://sellingpartnerapi-eu.amazon.com");
        assertThat(amazon.at("/settings/tokenUrl").asText()).isEqualTo("https://api.amazon.com/auth/o2/token");
        assertThat(amazon.at("/settings/importAmazonFulfilled").asBoolean()).isFalse();

        JsonNode ebay = json(put("bay", """
                {"type":"EBAY","settings":{"apiBaseUrl":"http://127.0.0.1:8089"},"credentials":{"accessToken":"v^1.1"}}"""));
        assertThat(ebay.at("/settings/apiBaseUrl").asText()).isEqualTo("http://127.0.0.1:8089");
        assertThat(ebay.at("/settings/tokenUrl").asText()).isEqualTo("https://api.ebay.com/identity/v1/oauth2/token");
    }

    @Test
    void connectionsAreListedReadAndDeletedWithTheirSecretAndSchedule() {
        put("demo-shop", SHOPIFY);
        put("other-shop", SHOPIFY.replace("demo-shop", "other-shop"));

        JsonNode list = json(call("GET", "/channels", null, null, null));
        assertThat(list.path("items")).extracting(n -> n.path("connectionId").asText())
                .containsExactly("demo-shop", "other-shop");
        assertThat(call("GET", "/channels/{connectionId}", "nope", null, null).getStatusCode()).isEqualTo(404);

        assertThat(call("DELETE", "/channels/{connectionId}", "demo-shop", null, null).getStatusCode()).isEqualTo(204);
        assertThat(fakes.secrets).doesNotContainKey("demo-shop");
        assertThat(fakes.schedules).doesNotContainKey("demo-shop");
        assertThat(call("GET", "/channels/{connectionId}", "demo-shop", null, null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void syncNowStartsARunOfAnEnabledConnectionAndAnswersItsId() {
        put("demo-shop", SHOPIFY);
        APIGatewayV2HTTPResponse response = call("POST", "/channels/{connectionId}/sync", "demo-shop", null, null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        String syncId = json(response).path("syncId").asText();
        assertThat(syncId).matches("[0-9a-f-]{36}");
        assertThat(fakes.started).containsExactly("demo-shop/" + syncId);

        put("demo-shop", SHOPIFY.replace("\"type\"", "\"enabled\":false,\"type\""));
        assertThat(call("POST", "/channels/{connectionId}/sync", "demo-shop", null, null).getStatusCode())
                .isEqualTo(409);
        assertThat(call("POST", "/channels/{connectionId}/sync", "nope", null, null).getStatusCode()).isEqualTo(404);
        assertThat(fakes.started).hasSize(1);
    }

    @Test
    void theSyncHistoryIsListedNewestFirstInPagesAndTheLastRunShowsOnTheConnection() {
        put("demo-shop", SHOPIFY);
        for (int i = 1; i <= 3; i++) {
            syncs.saveRun(new SyncRecord("demo-shop", "s" + i, i == 3 ? SyncStatus.FAILED : SyncStatus.SUCCEEDED,
                    Instant.parse("2026-07-01T10:0" + i + ":00Z"), Instant.parse("2026-07-01T10:0" + i + ":30Z"), i,
                    new SyncCounts(i, 0, 1, 0), i == 3 ? List.of("Shopify answered HTTP 500") : List.of()));
        }

        JsonNode first = json(call("GET", "/channels/{connectionId}/syncs", "demo-shop", null, Map.of("limit", "2")));
        assertThat(first.path("items")).extracting(n -> n.path("syncId").asText()).containsExactly("s3", "s2");
        assertThat(first.at("/items/0/counts/created").asInt()).isEqualTo(3);
        assertThat(first.at("/items/0/errors/0").asText()).isEqualTo("Shopify answered HTTP 500");
        JsonNode second = json(call("GET", "/channels/{connectionId}/syncs", "demo-shop", null,
                Map.of("limit", "2", "cursor", first.path("nextCursor").asText())));
        assertThat(second.path("items")).extracting(n -> n.path("syncId").asText()).containsExactly("s1");

        JsonNode connection = json(call("GET", "/channels/{connectionId}", "demo-shop", null, null));
        assertThat(connection.at("/lastSync/status").asText()).isEqualTo("FAILED");
        assertThat(connection.at("/lastSync/error").asText()).isEqualTo("Shopify answered HTTP 500");

        assertThat(call("GET", "/channels/{connectionId}/syncs", "demo-shop", null, Map.of("limit", "0"))
                .getStatusCode()).isEqualTo(400);
        assertThat(call("GET", "/channels/{connectionId}/syncs", "nope", null, null).getStatusCode()).isEqualTo(404);
    }
}
