package com.miniwms.salesorders.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.miniwms.salesorders.local.emulator.SamFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalLambdaEndpointTest {

    /** Records what it was given and answers with the connection id it read. */
    static final class SyncLikeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            received.add(input);
            if ("boom".equals(input.get("connectionId"))) {
                throw new IllegalStateException("failed on purpose");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("connectionId", input.get("connectionId"));
            result.put("status", "SUCCEEDED");
            return result;
        }
    }

    private final SyncLikeHandler handler = new SyncLikeHandler();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalLambdaEndpoint endpoint;
    private LocalFunction function;

    @BeforeEach
    void start() {
        function = LocalFunction.of(new SamFunction("SyncFunction", "x.SyncLikeHandler::handleRequest", null,
                "java21", 5, 256, Map.of(), List.of(), Map.of()), handler);
        endpoint = LocalLambdaEndpoint.start(() -> List.of(function));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private HttpResponse<String> invoke(String name, String invocationType, String payload) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.baseUri() + "/2015-03-31/functions/"
                + java.net.URLEncoder.encode(name, "UTF-8") + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (invocationType != null) {
            request.header("X-Amz-Invocation-Type", invocationType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSdkIsPointedAtTheEndpointUntilItCloses() {
        assertThat(System.getProperty(LocalLambdaEndpoint.ENDPOINT_PROPERTY)).isEqualTo(endpoint.baseUri().toString());
        endpoint.close();
        assertThat(System.getProperty(LocalLambdaEndpoint.ENDPOINT_PROPERTY)).isNull();
    }

    @Test
    void aRequestResponseInvokeReadsThePayloadIntoTheHandlersTypeAndAnswersItsResult() throws Exception {
        HttpResponse<String> response = invoke(function.functionArn(), null, "{\"connectionId\":\"shop-1\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"connectionId\":\"shop-1\",\"status\":\"SUCCEEDED\"}");
        assertThat(handler.received.poll()).containsEntry("connectionId", "shop-1");
    }

    @Test
    void anEventInvokeAnswers202AndRunsTheFunctionInTheBackground() throws Exception {
        HttpResponse<String> response = invoke(function.functionName(), "Event",
                "{\"connectionId\":\"shop-2\",\"syncId\":\"abc\"}");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(handler.received.poll(10, TimeUnit.SECONDS))
                .containsEntry("connectionId", "shop-2").containsEntry("syncId", "abc");
    }

    @Test
    void aQualifiedArnFindsTheFunctionAndAnUnknownNameIs404() throws Exception {
        assertThat(endpoint.find(function.functionArn() + ":$LATEST")).containsSame(function);
        assertThat(endpoint.find("SyncFunction")).containsSame(function);
        HttpResponse<String> missing = invoke("arn:aws:lambda:us-east-1:123456789012:function:nope", null, "{}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
    }

    @Test
    void aFunctionErrorIsReportedAsLambdaDoes() throws Exception {
        HttpResponse<String> response = invoke(function.functionName(), "RequestResponse", "{\"connectionId\":\"boom\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
        assertThat(response.body()).contains("failed on purpose");
    }
}
