package com.miniwms.salesorders.imports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What happens to an order number that already exists with different content: CREATE reports it as an error,
 * UPSERT replaces the order while it is still editable (AVAILABLE or ON_HOLD).
 */
public enum ImportMode {
    CREATE, UPSERT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ImportMode parse(String value) {
        if (value == null) {
            return CREATE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "create" -> CREATE;
            case "upsert" -> UPSERT;
            default -> throw new IllegalArgumentException("mode must be create or upsert");
        };
    }
}
