package com.miniwms.salesorders.local;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reached the local API, before it becomes an API Gateway event.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent (percent-encoded)
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 * @param protocol for example {@code HTTP/1.1}
 * @param headers every header line in arrival order (names as sent)
 * @param body the body bytes (empty when there is none)
 * @param sourceIp the client address
 * @param host the {@code Host} the client addressed, without port
 * @param port the local port
 */
record IncomingRequest(String method, String rawPath, String rawQuery, String protocol,
                       List<Map.Entry<String, String>> headers, byte[] body, String sourceIp, String host, int port) {
}
