package com.miniwms.salesorders.local.emulator;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of a function's {@code Events}.
 *
 * @param name the key in {@code Events}, for example {@code GetOrder}
 * @param type {@code Type}, for example {@code HttpApi}, {@code S3}, {@code ScheduleV2}, {@code DynamoDB}
 * @param properties {@code Properties} (long-form intrinsics, unresolved; empty when absent)
 */
public record SamEvent(String name, String type, Map<String, Object> properties) {

    /** A property as a string, when it is a plain scalar. */
    public Optional<String> string(String property) {
        Object value = properties.get(property);
        return value instanceof Map<?, ?> || value instanceof java.util.List<?> || value == null
                ? Optional.empty()
                : Optional.of(value.toString());
    }

    /** A property that is a mapping, or an empty map. */
    public Map<String, Object> map(String property) {
        Object value = properties.get(property);
        return value instanceof Map<?, ?> ? Values.asMap(value) : Map.of();
    }
}
