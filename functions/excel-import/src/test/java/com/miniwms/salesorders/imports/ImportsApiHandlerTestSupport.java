package com.miniwms.salesorders.imports;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.time.Clock;

/** The /imports handler over in-memory fakes, for the API contract tests of other modules. */
public final class ImportsApiHandlerTestSupport {
    private ImportsApiHandlerTestSupport() {
    }

    public static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler() {
        return new ImportsApiHandler(new InMemoryImportRepository(), new InMemoryUploadStore(), Clock.systemUTC());
    }
}
