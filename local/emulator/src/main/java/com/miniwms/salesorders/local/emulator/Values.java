package com.miniwms.salesorders.local.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Helpers for the plain map/list/scalar trees that templates are read into. */
final class Values {

    private Values() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("Expected a mapping, got " + describe(value));
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("Expected string keys, got " + describe(key));
            }
        }
        return (Map<String, Object>) map;
    }

    /** A read-only deep copy; shared (anchored) nodes become independent copies. */
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, v) -> copy.put(String.valueOf(key), deepCopy(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deepCopy(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** True for a one-key map such as {@code {"Ref": ..}} or {@code {"Fn::Sub": ..}}. */
    static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        Object key = map.keySet().iterator().next();
        return "Ref".equals(key) || "Condition".equals(key) || (key instanceof String s && s.startsWith("Fn::"));
    }

    /** {@code properties[key]} as a mapping, or an empty map. */
    static Map<String, Object> map(Map<String, Object> properties, String key) {
        Object value = properties.get(key);
        return value instanceof Map<?, ?> ? asMap(value) : Map.of();
    }

    /** {@code properties[key]} as a list of mappings, or an empty list. */
    static List<Map<String, Object>> maps(Map<String, Object> properties, String key) {
        Object value = properties.get(key);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(Values::asMap).toList();
    }

    /** {@code properties[key]} as a list of strings, or an empty list. */
    static List<String> strings(Map<String, Object> properties, String key) {
        Object value = properties.get(key);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }

    /** {@code properties[key]} as a string, or {@code null}. */
    static String string(Map<String, Object> properties, String key) {
        Object value = properties.get(key);
        return value == null ? null : value.toString();
    }

    /** True for {@code true} and {@code "true"} (any case). */
    static boolean isTrue(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    static String joinList(List<?> list) {
        return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
    }
}
