package com.miniwms.salesorders.storage;

import java.util.Map;

/** An HTTP response as kept for replay: status, the headers that matter, and the body. */
public record StoredResponse(int statusCode, Map<String, String> headers, String body) {
    public StoredResponse {
        headers = Map.copyOf(headers);
    }
}
