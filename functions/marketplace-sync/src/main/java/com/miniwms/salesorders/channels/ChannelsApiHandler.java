package com.miniwms.salesorders.channels;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.miniwms.salesorders.http.ApiHandler;
import com.miniwms.salesorders.http.ApiRequest;
import com.miniwms.salesorders.http.ApiResponses;
import com.miniwms.salesorders.http.HttpException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.miniwms.salesorders.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The channel connections API: {@code PUT|GET|DELETE /channels/{connectionId}}, {@code GET /channels} and the
 * sync history {@code GET /channels/{connectionId}/syncs}, and "sync now" {@code POST /channels/{connectionId}/sync}.
 * Request bodies carry credentials, so nothing here logs
 * a body, and no response or error repeats a credential.
 */
public final class ChannelsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final int MAX_LIMIT = 100;

    private final ChannelService channels;
    private final ApiHandler api;

    public ChannelsApiHandler() {
        this(ChannelServices.channelService());
    }

    ChannelsApiHandler(ChannelService channels) {
        this.channels = channels;
        this.api = new ApiHandler(Map.of(
                "PUT /channels/{connectionId}", this::put,
                "GET /channels", this::list,
                "GET /channels/{connectionId}", this::get,
                "DELETE /channels/{connectionId}", this::delete,
                "GET /channels/{connectionId}/syncs", this::syncs,
                "POST /channels/{connectionId}/sync", this::syncNow));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event, context);
    }

    private APIGatewayV2HTTPResponse put(ApiRequest request) {
        ChannelService.Saved saved = channels.put(request.pathParameter("connectionId"), body(request));
        return ApiResponses.json(saved.created() ? 201 : 200,
                ChannelResponses.connection(saved.connection(), channels.syncStore(), true));
    }

    /**
     * The body as JSON. Unlike the order API, a parse error is reported by position only: the parser's own message
     * can quote the text it choked on, which here may be a credential.
     */
    private static JsonNode body(ApiRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType != null && !contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT)
                .matches("application/(.+\\+)?json")) {
            throw new HttpException(415, "Unsupported media type", "Send the body as application/json");
        }
        byte[] bytes = request.body();
        JsonNode tree;
        try {
            tree = bytes.length == 0 ? null : Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new HttpException(400, "Malformed JSON", "The body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (java.io.IOException e) {
            throw new HttpException(400, "Malformed JSON", "The body could not be read as JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new HttpException(400, "Invalid request", "The body must be a JSON object");
        }
        return tree;
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", channels.list().stream()
                .map(c -> ChannelResponses.connection(c, channels.syncStore(), false)).toList());
        return ApiResponses.json(200, body);
    }

    private APIGatewayV2HTTPResponse get(ApiRequest request) {
        return ApiResponses.json(200, ChannelResponses.connection(
                channels.get(request.pathParameter("connectionId")), channels.syncStore(), true));
    }

    private APIGatewayV2HTTPResponse delete(ApiRequest request) {
        channels.delete(request.pathParameter("connectionId"));
        return ApiResponses.noContent();
    }

    private APIGatewayV2HTTPResponse syncNow(ApiRequest request) {
        return ApiResponses.json(202, Map.of("syncId", channels.startSync(request.pathParameter("connectionId"))));
    }

    private APIGatewayV2HTTPResponse syncs(ApiRequest request) {
        int limit = 20;
        String text = request.query("limit");
        if (text != null) {
            try {
                limit = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw HttpException.badParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        return ApiResponses.json(200, ChannelResponses.syncs(
                channels.syncs(request.pathParameter("connectionId"), limit, request.query("cursor"))));
    }
}
