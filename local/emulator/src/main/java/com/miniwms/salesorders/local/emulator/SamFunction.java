package com.miniwms.salesorders.local.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals.Function} applied the way SAM applies it (scalars
 * replaced, maps merged with the function's entries winning, lists prepended with the global entries).
 *
 * @param logicalId the key in {@code Resources}
 * @param handler {@code Handler}, for example {@code com.example.Handler::handleRequest}
 * @param codeUri {@code CodeUri} when it is a plain path, else {@code null}
 * @param runtime {@code Runtime}, for example {@code java21}
 * @param timeoutSeconds {@code Timeout} (Lambda's default of 3 s when absent)
 * @param memorySize {@code MemorySize} in MB (Lambda's default of 128 when absent)
 * @param environment {@code Environment.Variables}, globals merged in (values unresolved, long form)
 * @param events {@code Events}, in template order
 * @param properties every effective property (globals merged)
 */
public record SamFunction(String logicalId, String handler, String codeUri, String runtime, int timeoutSeconds,
                          int memorySize, Map<String, Object> environment, List<SamEvent> events,
                          Map<String, Object> properties) {

    private static final int DEFAULT_TIMEOUT = 3;
    private static final int DEFAULT_MEMORY = 128;

    static SamFunction of(SamResource resource, Map<String, Object> globals, Map<String, String> parameterDefaults) {
        Map<String, Object> effective = Values.asMap(mergeGlobals(globals, resource.properties()));
        Map<String, Object> environment = Map.of();
        if (effective.get("Environment") instanceof Map<?, ?> env && env.get("Variables") instanceof Map<?, ?> vars) {
            environment = Values.asMap(vars);
        }
        List<SamEvent> events = new ArrayList<>();
        if (effective.get("Events") instanceof Map<?, ?> eventMap) {
            Values.asMap(eventMap).forEach((name, definition) -> {
                Map<String, Object> event = Values.asMap(definition);
                Object properties = event.get("Properties");
                events.add(new SamEvent(name, String.valueOf(event.get("Type")),
                        properties == null ? Map.of() : Values.asMap(properties)));
            });
        }
        return new SamFunction(resource.logicalId(), stringOrNull(effective.get("Handler")),
                stringOrNull(effective.get("CodeUri")), stringOrNull(effective.get("Runtime")),
                intValue(effective.get("Timeout"), DEFAULT_TIMEOUT, parameterDefaults),
                intValue(effective.get("MemorySize"), DEFAULT_MEMORY, parameterDefaults),
                environment, List.copyOf(events), effective);
    }

    /** The handler class: {@code Handler} up to {@code ::}. */
    public String handlerClass() {
        if (handler == null) {
            throw new IllegalStateException("Function " + logicalId + " has no Handler");
        }
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** The handler method named after {@code ::}, or {@code handleRequest}. */
    public String handlerMethod() {
        int separator = handler == null ? -1 : handler.indexOf("::");
        return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    }

    /** The events of one type, for example {@code eventsOfType("HttpApi")}. */
    public List<SamEvent> eventsOfType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    static Object mergeGlobals(Object global, Object own) {
        if (own == null) {
            return global;
        }
        if (global == null) {
            return own;
        }
        if (global instanceof Map<?, ?> g && own instanceof Map<?, ?> o
                && !Values.isIntrinsic(g) && !Values.isIntrinsic(o)) {
            Map<String, Object> merged = new LinkedHashMap<>(Values.asMap(g));
            Values.asMap(o).forEach((key, value) -> merged.put(key, mergeGlobals(merged.get(key), value)));
            return merged;
        }
        if (global instanceof List<?> g && own instanceof List<?> o) {
            List<Object> merged = new ArrayList<>(g);
            merged.addAll(o);
            return merged;
        }
        return own;
    }

    private static String stringOrNull(Object value) {
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : value.toString();
    }

    private static int intValue(Object value, int fallback, Map<String, String> parameterDefaults) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Ref") instanceof String parameter) {
            value = parameterDefaults.get(parameter);
        }
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException ignored) {
                return fallback;
            }
        }
        return fallback;
    }
}
