package com.miniwms.salesorders.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.http.ApiResponses;
import com.miniwms.salesorders.http.ETags;
import com.miniwms.salesorders.storage.StoredResponse;

import java.util.Map;

/** An order as the API returns it: the JSON body with its version as ETag. */
final class OrderResponses {
    private OrderResponses() {
    }

    static APIGatewayV2HTTPResponse order(int status, SalesOrder order) {
        return ApiResponses.json(status, order, Map.of("ETag", ETags.of(order.version())));
    }

    static StoredResponse created(SalesOrder order) {
        return new StoredResponse(201, Map.of(
                "Content-Type", "application/json",
                "ETag", ETags.of(order.version()),
                "Location", "/orders/" + order.orderNumber()), ApiResponses.write(order));
    }

    static APIGatewayV2HTTPResponse from(StoredResponse stored) {
        return ApiResponses.raw(stored.statusCode(), stored.body(), stored.headers());
    }
}
