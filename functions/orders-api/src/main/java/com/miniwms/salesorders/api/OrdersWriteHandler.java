package com.miniwms.salesorders.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.miniwms.salesorders.domain.FieldError;
import com.miniwms.salesorders.domain.OrderLine;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.http.ApiHandler;
import com.miniwms.salesorders.http.ApiRequest;
import com.miniwms.salesorders.http.ApiResponses;
import com.miniwms.salesorders.http.ETags;
import com.miniwms.salesorders.http.HttpException;
import com.miniwms.salesorders.http.JsonBody;
import com.miniwms.salesorders.json.Json;
import com.miniwms.salesorders.service.OrderService;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every change to an order: create, header, lines, status, delete. Changes need If-Match with the ETag. */
public final class OrdersWriteHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final OrderService orders;
    private final ApiHandler api;

    public OrdersWriteHandler() {
        this(Services.orderService());
    }

    OrdersWriteHandler(OrderService orders) {
        this.orders = orders;
        this.api = new ApiHandler(Map.of(
                "POST /orders", this::create,
                "PUT /orders/{orderNumber}", this::updateHeader,
                "DELETE /orders/{orderNumber}", this::delete,
                "POST /orders/{orderNumber}/status", this::changeStatus,
                "POST /orders/{orderNumber}/lines", this::addLine,
                "PUT /orders/{orderNumber}/lines/{lineNumber}", this::updateLine,
                "DELETE /orders/{orderNumber}/lines/{lineNumber}", this::deleteLine));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event, context);
    }

    private APIGatewayV2HTTPResponse create(ApiRequest request) {
        String key = idempotencyKey(request);
        JsonNode tree = JsonBody.tree(request);
        Requests.CreateOrder body = JsonBody.read(tree, Requests.CreateOrder.class, Requests.SERVICE_FIELDS);
        SalesOrder draft = new SalesOrder(body.orderNumber(), body.channel(), body.channelConnectionId(),
                body.externalOrderId(), body.status(), body.statusReason(), body.wave(), body.orderDate(),
                body.shipTo(), body.currency(), body.totals(), body.notes(), lines(body.lines()), 0, null, null,
                null, null);
        if (key == null) {
            SalesOrder order = orders.create(draft, request.caller());
            return OrderResponses.from(OrderResponses.created(order));
        }
        String scopedKey = request.caller() + ":" + key;
        return OrderResponses.from(orders.createIdempotently(draft, request.caller(), scopedKey, hash(tree),
                OrderResponses::created));
    }

    private APIGatewayV2HTTPResponse updateHeader(ApiRequest request) {
        String number = PathParameters.orderNumber(request);
        long version = ETags.requireIfMatch(request);
        Requests.UpdateHeader body = JsonBody.read(request, Requests.UpdateHeader.class, Requests.NOT_HEADER_FIELDS);
        SalesOrder order = orders.updateHeader(number, version, body.shipTo(), body.wave(), body.orderDate(),
                body.currency(), body.totals(), body.notes(), request.caller());
        return OrderResponses.order(200, order);
    }

    private APIGatewayV2HTTPResponse delete(ApiRequest request) {
        String number = PathParameters.orderNumber(request);
        orders.delete(number, ETags.requireIfMatch(request), request.caller());
        return ApiResponses.noContent();
    }

    private APIGatewayV2HTTPResponse changeStatus(ApiRequest request) {
        String number = PathParameters.orderNumber(request);
        long version = ETags.requireIfMatch(request);
        Requests.ChangeStatus body = JsonBody.read(request, Requests.ChangeStatus.class, Set.of());
        if (body.status() == null) {
            throw JsonBody.invalid(List.of(new FieldError("status", "is required")));
        }
        SalesOrder order = orders.changeStatus(number, version, body.status(), body.reason(), request.caller());
        return OrderResponses.order(200, order);
    }

    private APIGatewayV2HTTPResponse addLine(ApiRequest request) {
        String number = PathParameters.orderNumber(request);
        long version = ETags.requireIfMatch(request);
        Requests.Line body = JsonBody.read(request, Requests.Line.class, Requests.WAREHOUSE_LINE_FIELDS);
        requireQuantity(body, "quantityOrdered");
        OrderLine line = OrderLine.of(body.lineNumber() == null ? 0 : body.lineNumber(), body.sku(),
                body.description(), body.quantityOrdered(), body.unitPrice());
        if (body.lineNumber() != null && body.lineNumber() < 1) {
            throw JsonBody.invalid(List.of(new FieldError("lineNumber", "must be a whole number from 1")));
        }
        SalesOrder order = orders.addLine(number, version, line, request.caller());
        return OrderResponses.order(201, order);
    }

    private APIGatewayV2HTTPResponse updateLine(ApiRequest request) {
        String number = PathParameters.orderNumber(request);
        int lineNumber = PathParameters.lineNumber(request);
        long version = ETags.requireIfMatch(request);
        Requests.Line body = JsonBody.read(request, Requests.Line.class, Requests.WAREHOUSE_LINE_FIELDS);
        if (body.lineNumber() != null && body.lineNumber() != lineNumber) {
            throw JsonBody.invalid(List.of(new FieldError("lineNumber",
                    "cannot be changed (the path names line " + lineNumber + ")")));
        }
        requireQuantity(body, "quantityOrdered");
        SalesOrder order = orders.updateLine(number, lineNumber, version, body.sku(), body.description(),
                body.quantityOrdered(), body.unitPrice(), request.caller());
        return OrderResponses.order(200, order);
    }

    private APIGatewayV2HTTPResponse deleteLine(ApiRequest request) {
        String number = PathParameters.orderNumber(request);
        int lineNumber = PathParameters.lineNumber(request);
        long version = ETags.requireIfMatch(request);
        SalesOrder order = orders.deleteLine(number, lineNumber, version, request.caller());
        return OrderResponses.order(200, order);
    }

    /** Lines of a new order; when no line carries a number they are numbered 1, 2, 3 in the order given. */
    private static List<OrderLine> lines(List<Requests.Line> lines) {
        if (lines == null) {
            return List.of();
        }
        boolean numbered = lines.stream().anyMatch(l -> l != null && l.lineNumber() != null);
        List<FieldError> errors = new ArrayList<>();
        List<OrderLine> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Requests.Line line = lines.get(i);
            if (line == null) {
                errors.add(new FieldError("lines[" + i + "]", "must be an object"));
                continue;
            }
            if (numbered && line.lineNumber() == null) {
                errors.add(new FieldError("lines[" + i + "].lineNumber",
                        "is required when other lines carry a line number"));
            }
            if (line.quantityOrdered() == null) {
                errors.add(new FieldError("lines[" + i + "].quantityOrdered", "is required"));
            }
            int lineNumber = numbered ? (line.lineNumber() == null ? 0 : line.lineNumber()) : i + 1;
            result.add(OrderLine.of(lineNumber, line.sku(), line.description(),
                    line.quantityOrdered() == null ? 0 : line.quantityOrdered(), line.unitPrice()));
        }
        if (!errors.isEmpty()) {
            throw JsonBody.invalid(errors);
        }
        return result;
    }

    private static void requireQuantity(Requests.Line body, String field) {
        if (body.quantityOrdered() == null) {
            throw JsonBody.invalid(List.of(new FieldError(field, "is required")));
        }
    }

    private static String idempotencyKey(ApiRequest request) {
        String key = request.header("Idempotency-Key");
        if (key == null) {
            return null;
        }
        key = key.strip();
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw HttpException.badParameter("Idempotency-Key",
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY + " visible ASCII characters, such as a UUID");
        }
        return key;
    }

    /** A digest of the request body that ignores key order and white space. */
    private static String hash(JsonNode body) {
        try {
            Object canonical = Json.MAPPER.treeToValue(body, Object.class);
            byte[] bytes = Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
