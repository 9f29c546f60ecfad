package com.miniwms.salesorders.local.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the template's {@code Resources}.
 *
 * @param logicalId the key in {@code Resources}
 * @param type {@code Type}
 * @param properties {@code Properties} (long-form intrinsics, unresolved; empty when absent)
 * @param definition the whole entry ({@code Type}, {@code Properties}, {@code DependsOn}, {@code Condition}, ...)
 */
public record SamResource(String logicalId, String type, Map<String, Object> properties,
                          Map<String, Object> definition) {

    static SamResource of(String logicalId, Map<String, Object> definition) {
        Object type = definition.get("Type");
        if (!(type instanceof String typeName)) {
            throw new IllegalArgumentException("Resource " + logicalId + " has no Type");
        }
        Object properties = definition.get("Properties");
        return new SamResource(logicalId, typeName, properties == null ? Map.of() : Values.asMap(properties),
                definition);
    }

    /** {@code Condition}, if the resource is conditional. */
    public Optional<String> condition() {
        return Optional.ofNullable(definition.get("Condition")).map(Object::toString);
    }

    /** {@code DependsOn}, as a list. */
    public List<String> dependsOn() {
        Object value = definition.get("DependsOn");
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return List.of(value.toString());
    }
}
