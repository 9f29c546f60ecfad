package com.miniwms.salesorders.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.miniwms.salesorders.domain.SalesOrder;
import com.miniwms.salesorders.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The values that differ between two states of an order, field by field. Works on the order's JSON form, so a
 * field added to {@link SalesOrder} later is covered without changes here. Lines are matched by line number.
 * The bookkeeping fields (version, created and updated stamps) are left out: the history entry has them.
 */
public final class OrderDiff {
    private static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "createdBy", "updatedAt",
            "updatedBy", "lines", "lineCount");

    private OrderDiff() {
    }

    /** The changes from {@code before} to {@code after}; either may be {@code null} (created, deleted). */
    public static List<FieldChange> between(SalesOrder before, SalesOrder after) {
        JsonNode left = before == null ? null : Json.MAPPER.valueToTree(before);
        JsonNode right = after == null ? null : Json.MAPPER.valueToTree(after);
        Map<String, String> oldValues = new TreeMap<>();
        Map<String, String> newValues = new TreeMap<>();
        flattenHeader(left, oldValues);
        flattenHeader(right, newValues);
        List<FieldChange> changes = new ArrayList<>();
        Set<String> fields = new TreeSet<>(oldValues.keySet());
        fields.addAll(newValues.keySet());
        for (String field : fields) {
            String o = oldValues.get(field);
            String n = newValues.get(field);
            if (!Objects.equals(o, n)) {
                changes.add(new FieldChange(field, o, n));
            }
        }
        changes.addAll(lineChanges(lines(left), lines(right)));
        return changes;
    }

    private static void flattenHeader(JsonNode order, Map<String, String> into) {
        if (order == null) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = order.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!BOOKKEEPING.contains(field.getKey())) {
                flatten(field.getKey(), field.getValue(), into);
            }
        }
    }

    private static void flatten(String path, JsonNode value, Map<String, String> into) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), into));
        } else if (value.isArray()) {
            into.put(path, value.toString());
        } else {
            into.put(path, value.asText());
        }
    }

    private static Map<Integer, JsonNode> lines(JsonNode order) {
        Map<Integer, JsonNode> lines = new TreeMap<>();
        if (order != null && order.path("lines").isArray()) {
            for (JsonNode line : order.path("lines")) {
                lines.put(line.path("lineNumber").asInt(), line);
            }
        }
        return lines;
    }

    private static List<FieldChange> lineChanges(Map<Integer, JsonNode> before, Map<Integer, JsonNode> after) {
        List<FieldChange> changes = new ArrayList<>();
        Set<Integer> numbers = new TreeSet<>(before.keySet());
        numbers.addAll(after.keySet());
        for (int number : numbers) {
            JsonNode o = before.get(number);
            JsonNode n = after.get(number);
            String path = "lines[" + number + "]";
            if (o == null || n == null) {
                changes.add(new FieldChange(path, o == null ? null : compact(o), n == null ? null : compact(n)));
                continue;
            }
            Map<String, String> oldValues = new TreeMap<>();
            Map<String, String> newValues = new TreeMap<>();
            o.fields().forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), oldValues));
            n.fields().forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), newValues));
            Set<String> fields = new TreeSet<>(oldValues.keySet());
            fields.addAll(newValues.keySet());
            for (String field : fields) {
                if (!Objects.equals(oldValues.get(field), newValues.get(field))) {
                    changes.add(new FieldChange(field, oldValues.get(field), newValues.get(field)));
                }
            }
        }
        return changes;
    }

    private static String compact(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        return copy.toString();
    }
}
