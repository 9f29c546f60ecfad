package com.miniwms.salesorders.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.miniwms.salesorders.domain.DuplicateExternalOrderException;
import com.miniwms.salesorders.domain.IdempotencyKeyReusedException;
import com.miniwms.salesorders.domain.OrderAlreadyExistsException;
import com.miniwms.salesorders.domain.OrderNotFoundException;
import com.miniwms.salesorders.domain.OrderStateException;
import com.miniwms.salesorders.domain.ValidationException;
import com.miniwms.salesorders.domain.VersionConflictException;


/** The one place where failures become RFC 9457 responses. Anything unexpected is a 500 that reveals nothing. */
public final class ProblemMapper {
    private static final String TYPE_BASE = "urn:mini-wms:problem:";

    private ProblemMapper() {
    }

    public static APIGatewayV2HTTPResponse toResponse(Throwable failure, ApiRequest request) {
        return ApiResponses.problem(problem(failure, request.path(), request.requestId()));
    }

    /** True when the failure is the client's (4xx), false when it is ours. */
    public static boolean isClientError(Throwable failure) {
        return problem(failure, null, null).status() < 500;
    }

    static Problem problem(Throwable failure, String instance, String requestId) {
        return switch (failure) {
            case ValidationException v -> new Problem(TYPE_BASE + "validation", "Invalid request", 400,
                    v.getMessage(), instance, requestId, v.errors());
            case HttpException h -> new Problem(TYPE_BASE + (h.status() == 400 && !h.errors().isEmpty()
                    ? "validation" : slug(h.title())), h.title(), h.status(), h.getMessage(),
                    instance, requestId, h.errors().isEmpty() ? null : h.errors());
            case OrderNotFoundException n -> simple("not-found", "Not found", 404, n, instance, requestId);
            case OrderAlreadyExistsException c -> simple("order-exists", "Order already exists", 409, c, instance,
                    requestId);
            case DuplicateExternalOrderException c -> simple("external-order-exists",
                    "External order already imported", 409, c, instance, requestId);
            case OrderStateException c -> simple("order-state", "Not allowed in the order's status", 409, c,
                    instance, requestId);
            case VersionConflictException c -> simple("stale-version", "Order changed meanwhile", 412, c, instance,
                    requestId);
            case IdempotencyKeyReusedException c -> simple("idempotency-key-reused", "Idempotency key reused", 422,
                    c, instance, requestId);
            default -> new Problem(TYPE_BASE + "internal", "Internal error", 500,
                    "Something went wrong on our side; quote request id " + requestId + " when reporting it",
                    instance, requestId, null);
        };
    }

    private static Problem simple(String type, String title, int status, Throwable e, String instance,
                                  String requestId) {
        return new Problem(TYPE_BASE + type, title, status, e.getMessage(), instance, requestId, null);
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

}
