package com.miniwms.salesorders.api;

import com.miniwms.salesorders.domain.FieldError;
import com.miniwms.salesorders.history.HistoryPage;
import com.miniwms.salesorders.http.ApiRequest;
import com.miniwms.salesorders.http.JsonBody;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The query string of GET /orders/{orderNumber}/history: {@code limit} and {@code cursor}. */
record HistoryQuery(int limit, String cursor) {
    private static final Set<String> KNOWN = Set.of("limit", "cursor");
    private static final int MAX_CURSOR = 512;

    static HistoryQuery from(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : request.queryParameters().keySet()) {
            if (!KNOWN.contains(name)) {
                errors.add(new FieldError(name, "is not a known query parameter; known: cursor, limit"));
            }
        }
        int limit = HistoryPage.DEFAULT_LIMIT;
        String value = request.query("limit");
        if (value != null) {
            try {
                limit = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > HistoryPage.MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + HistoryPage.MAX_LIMIT
                        + "; got " + value));
            }
        }
        String cursor = request.query("cursor");
        if (cursor != null && cursor.length() > MAX_CURSOR) {
            errors.add(new FieldError("cursor", "is not a page token of this history"));
        }
        if (!errors.isEmpty()) {
            throw JsonBody.invalid(errors);
        }
        return new HistoryQuery(limit, cursor);
    }
}
