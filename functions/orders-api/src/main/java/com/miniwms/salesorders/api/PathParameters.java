package com.miniwms.salesorders.api;

import com.miniwms.salesorders.domain.OrderRules;
import com.miniwms.salesorders.http.ApiRequest;
import com.miniwms.salesorders.http.HttpException;

import java.util.Locale;

/** Path values checked before they reach storage. Order numbers are case-insensitive. */
final class PathParameters {
    private PathParameters() {
    }

    static String orderNumber(ApiRequest request) {
        String value = request.pathParameter("orderNumber").strip().toUpperCase(Locale.ROOT);
        if (!OrderRules.ORDER_NUMBER.matcher(value).matches()) {
            throw HttpException.badParameter("orderNumber", "is not an order number (1 to "
                    + OrderRules.ORDER_NUMBER_MAX + " letters, digits, '.', '_' or '-')");
        }
        return value;
    }

    static int lineNumber(ApiRequest request) {
        String value = request.pathParameter("lineNumber");
        try {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= OrderRules.MAX_LINE_NUMBER) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw HttpException.badParameter("lineNumber", "must be a whole number from 1 to "
                + OrderRules.MAX_LINE_NUMBER + "; got " + value);
    }
}
