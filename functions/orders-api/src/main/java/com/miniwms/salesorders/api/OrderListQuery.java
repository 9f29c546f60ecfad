package com.miniwms.salesorders.api;

import com.miniwms.salesorders.domain.Channel;
import com.miniwms.salesorders.domain.FieldError;
import com.miniwms.salesorders.domain.OrderStatus;
import com.miniwms.salesorders.http.ApiRequest;
import com.miniwms.salesorders.http.JsonBody;
import com.miniwms.salesorders.storage.OrderQuery;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and checks the query string of GET /orders, reporting every bad parameter at once. */
final class OrderListQuery {
    private static final Set<String> KNOWN = Set.of("status", "channel", "from", "to", "q", "limit", "cursor");
    private static final int MAX_SEARCH = 100;
    private static final int MAX_CURSOR = 2048;

    private OrderListQuery() {
    }

    static OrderQuery from(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : request.queryParameters().keySet()) {
            if (!KNOWN.contains(name)) {
                errors.add(new FieldError(name, "is not a known query parameter; known: " + String.join(", ",
                        KNOWN.stream().sorted().toList())));
            }
        }
        OrderStatus status = enumValue(request, "status", OrderStatus.class, errors);
        Channel channel = enumValue(request, "channel", Channel.class, errors);
        LocalDate from = date(request, "from", errors);
        LocalDate to = date(request, "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "must not be after 'to'"));
        }
        String q = request.query("q");
        if (q != null) {
            q = q.strip();
            if (q.isEmpty()) {
                q = null;
            } else if (q.length() > MAX_SEARCH) {
                errors.add(new FieldError("q", "must be at most " + MAX_SEARCH + " characters"));
            }
        }
        int limit = limit(request, errors);
        String cursor = request.query("cursor");
        if (cursor != null && cursor.length() > MAX_CURSOR) {
            errors.add(new FieldError("cursor", "is not a page token of this list"));
        }
        if (!errors.isEmpty()) {
            throw JsonBody.invalid(errors);
        }
        return new OrderQuery(status, channel, from, to, q, limit, cursor);
    }

    private static <E extends Enum<E>> E enumValue(ApiRequest request, String name, Class<E> type,
                                                   List<FieldError> errors) {
        String value = request.query(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + "; got " + value));
            return null;
        }
    }

    private static LocalDate date(ApiRequest request, String name, List<FieldError> errors) {
        String value = request.query(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date, YYYY-MM-DD; got " + value));
            return null;
        }
    }

    private static int limit(ApiRequest request, List<FieldError> errors) {
        String value = request.query("limit");
        if (value == null) {
            return OrderQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= OrderQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + OrderQuery.MAX_LIMIT
                + "; got " + value));
        return OrderQuery.DEFAULT_LIMIT;
    }
}
