package com.miniwms.salesorders.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpApiServerTest {

    private static final String SECRET = "server-test-secret";

    private final AtomicReference<APIGatewayV2HTTPEvent> lastEvent = new AtomicReference<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpApiServer open;
    private HttpApiServer secured;

    private List<HttpRoute> routes() {
        LocalFunction echo = TestFunctions.function("Echo", (event, context) -> {
            lastEvent.set(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("X-Request", context.getAwsRequestId()))
                    .withMultiValueHeaders(Map.of("X-Multi", List.of("one", "two")))
                    .withCookies(List.of("session=abc; Path=/; HttpOnly", "theme=dark"))
                    .withBody("{\"ok\":true}").build();
        });
        LocalFunction binary = TestFunctions.function("Binary", (event, context) ->
                APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                        .withBody(event.getBody()).withIsBase64Encoded(event.getIsBase64Encoded()).build());
        LocalFunction failing = TestFunctions.function("Failing", (event, context) -> {
            throw new IllegalStateException("handler failure on purpose");
        });
        LocalFunction noStatus = TestFunctions.function("NoStatus", (event, context) ->
                new APIGatewayV2HTTPResponse());
        return List.of(
                new HttpRoute("GET", PathTemplate.parse("/orders/{orderNumber}"), echo, "Jwt",
                        List.of("sales-orders/read")),
                new HttpRoute("POST", PathTemplate.parse("/upload"), binary, "Jwt", List.of()),
                HttpRoute.open("GET", "/fail", failing),
                HttpRoute.open("GET", "/no-status", noStatus));
    }

    @BeforeEach
    void start() {
        open = new HttpApiServer(new RouteTable(routes()), new HttpApiServer.Settings("127.0.0.1", 0, 4,
                "123456789012", "api0000001", null, Clock.systemUTC())).start();
        secured = new HttpApiServer(new RouteTable(routes()), new HttpApiServer.Settings("127.0.0.1", 0, 4,
                "123456789012", "api0000001", new JwtAuthorizer(SECRET, Clock.systemUTC()), Clock.systemUTC()))
                .start();
    }

    @AfterEach
    void stop() {
        open.close();
        secured.close();
        client.close();
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    @Test
    void responsesCarryStatusHeadersMultiValueHeadersAndCookies() throws Exception {
        HttpResponse<byte[]> response = send(request(open.baseUri(), "/orders/SO-1?x=1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body())).isEqualTo("{\"ok\":true}");
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().allValues("x-multi")).containsExactly("one", "two");
        assertThat(response.headers().allValues("set-cookie"))
                .containsExactly("session=abc; Path=/; HttpOnly", "theme=dark");
        assertThat(response.headers().firstValue("x-request")).isPresent();
        assertThat(response.headers().firstValue("apigw-requestid"))
                .contains(lastEvent.get().getRequestContext().getRequestId());
        assertThat(lastEvent.get().getPathParameters()).containsEntry("orderNumber", "SO-1");
        assertThat(lastEvent.get().getRequestContext().getAuthorizer()).isNull();
    }

    @Test
    void binaryBodiesRoundTripThroughBase64() throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        HttpResponse<byte[]> response = send(request(open.baseUri(), "/upload")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
    }

    @Test
    void anUnknownRouteIsNotFound() throws Exception {
        HttpResponse<byte[]> response = send(request(open.baseUri(), "/nowhere"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body())).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(send(request(open.baseUri(), "/fail").DELETE()).statusCode()).isEqualTo(404);
    }

    @Test
    void aFailingHandlerGivesInternalServerError() throws Exception {
        HttpResponse<byte[]> response = send(request(open.baseUri(), "/fail"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body())).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(send(request(open.baseUri(), "/no-status")).statusCode()).isEqualTo(500);
    }

    @Test
    void aBodyOverTenMegabytesIsTooLarge() throws Exception {
        byte[] big = new byte[HttpApiServer.MAX_BODY_BYTES + 1];
        HttpResponse<byte[]> response = send(request(open.baseUri(), "/upload")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(new String(response.body())).isEqualTo("{\"message\":\"Request Entity Too Large\"}");

        byte[] limit = new byte[HttpApiServer.MAX_BODY_BYTES];
        assertThat(send(request(open.baseUri(), "/upload").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(limit))).statusCode()).isEqualTo(200);
    }

    @Test
    void withAuthOnATokenIsRequiredAndItsScopesChecked() throws Exception {
        String read = LocalJwt.token(SECRET, "wms", List.of("sales-orders/read"), Duration.ofMinutes(5));
        String write = LocalJwt.token(SECRET, "wms", List.of("sales-orders/write"), Duration.ofMinutes(5));

        HttpResponse<byte[]> missing = send(request(secured.baseUri(), "/orders/SO-1"));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(new String(missing.body())).isEqualTo("{\"message\":\"Unauthorized\"}");

        HttpResponse<byte[]> wrongScope = send(request(secured.baseUri(), "/orders/SO-1")
                .header("Authorization", "Bearer " + write));
        assertThat(wrongScope.statusCode()).isEqualTo(403);
        assertThat(new String(wrongScope.body())).isEqualTo("{\"message\":\"Forbidden\"}");

        HttpResponse<byte[]> allowed = send(request(secured.baseUri(), "/orders/SO-1")
                .header("Authorization", "Bearer " + read));
        assertThat(allowed.statusCode()).isEqualTo(200);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
                lastEvent.get().getRequestContext().getAuthorizer().getJwt();
        assertThat(jwt.getClaims()).containsEntry("sub", "wms").containsEntry("scope", "sales-orders/read");
        assertThat(jwt.getScopes()).containsExactly("sales-orders/read");

        assertThat(send(request(secured.baseUri(), "/fail")).statusCode()).as("open route").isEqualTo(500);
    }
}
