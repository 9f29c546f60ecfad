package com.miniwms.salesorders.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one API request: routes by the route key API Gateway matched, maps every failure through
 * {@link ProblemMapper}, and logs one line per request (no bodies: they carry customers' addresses).
 */
public final class ApiHandler {
    private final Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes;

    public ApiHandler(Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes) {
        this.routes = Map.copyOf(routes);
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        ApiRequest request = new ApiRequest(event);
        LambdaLogger logger = context == null ? null : context.getLogger();
        APIGatewayV2HTTPResponse response;
        try {
            Function<ApiRequest, APIGatewayV2HTTPResponse> route = routes.get(request.routeKey());
            if (route == null) {
                throw new HttpException(404, "Not found", "No route " + request.routeKey());
            }
            response = route.apply(request);
        } catch (RuntimeException failure) {
            response = ProblemMapper.toResponse(failure, request);
            if (!ProblemMapper.isClientError(failure) && logger != null) {
                logger.log("request failed: route=" + request.routeKey() + " requestId=" + request.requestId()
                        + "\n" + stackTrace(failure), LogLevel.ERROR);
            }
        }
        if (logger != null) {
            logger.log("route=" + request.routeKey() + " status=" + response.getStatusCode()
                    + " caller=" + request.caller(), LogLevel.INFO);
        }
        return response;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
