package com.miniwms.salesorders.sync;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/** Reading the marketplaces' JSON: exact decimal strings, UTC times, text that may be blank. */
public final class JsonFields {
    private JsonFields() {
    }

    /** A decimal carried as a string, read exactly; absent or null gives null, a JSON number is refused. */
    public static BigDecimal decimal(JsonNode value, String what) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(what + " is not a decimal string: " + value);
        }
        return new BigDecimal(value.textValue());
    }

    /** The field's text, or null when it is absent, not text, or blank. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
    }

    /** The field as an ISO-8601 instant, or null when it is absent or blank. */
    public static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }

    /** The first value that is not null. */
    public static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
