package com.miniwms.salesorders.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.http.ApiHandler;
import com.miniwms.salesorders.http.ApiRequest;
import com.miniwms.salesorders.http.ApiResponses;
import com.miniwms.salesorders.service.OrderService;
import com.miniwms.salesorders.storage.OrderPage;

import java.util.Map;

/**
 * GET /orders (the list screen), GET /orders/{orderNumber} (the detail screen) and
 * GET /orders/{orderNumber}/history (who changed what, newest first).
 */
public final class OrdersReadHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OrderService orders;
    private final ApiHandler api;

    public OrdersReadHandler() {
        this(Services.orderService());
    }

    OrdersReadHandler(OrderService orders) {
        this.orders = orders;
        this.api = new ApiHandler(Map.of(
                "GET /orders", this::list,
                "GET /orders/{orderNumber}", this::get,
                "GET /orders/{orderNumber}/history", this::history));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event, context);
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        OrderPage page = orders.list(OrderListQuery.from(request));
        return ApiResponses.json(200, page);
    }

    private APIGatewayV2HTTPResponse history(ApiRequest request) {
        String number = PathParameters.orderNumber(request);
        HistoryQuery query = HistoryQuery.from(request);
        return ApiResponses.json(200, orders.history(number, query.limit(), query.cursor()));
    }

    private APIGatewayV2HTTPResponse get(ApiRequest request) {
        SalesOrder order = orders.get(PathParameters.orderNumber(request));
        return OrderResponses.order(200, order);
    }
}
