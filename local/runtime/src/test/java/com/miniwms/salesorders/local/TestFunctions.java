package com.miniwms.salesorders.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.miniwms.salesorders.local.emulator.SamFunction;
import java.util.List;
import java.util.Map;

/** Functions around handler instances, for tests that need no emulator. */
final class TestFunctions {

    private TestFunctions() {
    }

    static LocalFunction function(String logicalId,
                                  RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        SamFunction definition = new SamFunction(logicalId, "test.Handler::handleRequest", null, "java21", 5, 256,
                Map.of(), List.of(), Map.of());
        return LocalFunction.of(definition, handler);
    }

    static LocalFunction noop() {
        return function("Noop", (event, context) -> APIGatewayV2HTTPResponse.builder().withStatusCode(204).build());
    }
}
