package com.miniwms.salesorders.storage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static com.miniwms.salesorders.storage.TableKeys.*;

/**
 * How a list request is answered with Query alone: one step on the index that fits the filters best, or, for a
 * search, two steps (order numbers, then ship-to names). Filters the index cannot use become filter expressions.
 */
record ListPlan(List<Step> steps) {

    /** One Query: an index, its partition, an optional sort-key condition, and what to filter or skip. */
    record Step(String index, String partitionAttr, String partitionValue, String sortAttr, String sortCondition,
                Map<String, AttributeValue> sortValues, boolean newestFirst, String filter,
                Map<String, String> filterNames, Map<String, AttributeValue> filterValues,
                Predicate<Map<String, AttributeValue>> skip) {

        boolean accepts(Map<String, String> key) {
            return key.keySet().equals(Set.of(PK, SK, partitionAttr, sortAttr))
                    && partitionValue.equals(key.get(partitionAttr))
                    && key.get(PK).startsWith("ORDER#")
                    && ORDER_SK.equals(key.get(SK));
        }

        Map<String, String> keyOf(Map<String, AttributeValue> item) {
            return Map.of(PK, item.get(PK).s(), SK, item.get(SK).s(),
                    partitionAttr, item.get(partitionAttr).s(), sortAttr, item.get(sortAttr).s());
        }

        String keyCondition() {
            return "#p = :p" + (sortCondition == null ? "" : " AND " + sortCondition);
        }

        Map<String, String> names() {
            Map<String, String> names = new HashMap<>(filterNames);
            names.put("#p", partitionAttr);
            if (sortCondition != null) {
                names.put("#s", sortAttr);
            }
            return names;
        }

        Map<String, AttributeValue> values() {
            Map<String, AttributeValue> values = new HashMap<>(filterValues);
            values.putAll(sortValues);
            values.put(":p", AttributeValue.fromS(partitionValue));
            return values;
        }
    }

    static ListPlan of(OrderQuery query) {
        Filter filter = new Filter();
        if (query.q() != null) {
            String numberPrefix = query.q().strip().toUpperCase(java.util.Locale.ROOT);
            String namePrefix = searchText(query.q());
            if (query.status() != null) {
                filter.equal("status", query.status().name());
            }
            if (query.channel() != null) {
                filter.equal("channel", query.channel().name());
            }
            filter.dateRange(query);
            Step byNumber = new Step(BY_NUMBER, LIST_KEY, ALL_ORDERS, NUMBER_KEY, "begins_with(#s, :prefix)",
                    Map.of(":prefix", AttributeValue.fromS(numberPrefix)), false, filter.expression(),
                    filter.names, filter.values, item -> false);
            // An order whose number matched is already listed; do not list it again for its name.
            Step byName = new Step(BY_SHIP_TO_NAME, LIST_KEY, ALL_ORDERS, NAME_KEY, "begins_with(#s, :prefix)",
                    Map.of(":prefix", AttributeValue.fromS(namePrefix)), false, filter.expression(),
                    filter.names, filter.values,
                    item -> item.get("orderNumber").s().startsWith(numberPrefix));
            return new ListPlan(List.of(byNumber, byName));
        }
        String partitionAttr;
        String partitionValue;
        String index;
        if (query.status() != null) {
            index = BY_STATUS;
            partitionAttr = STATUS_KEY;
            partitionValue = query.status().name();
            if (query.channel() != null) {
                filter.equal("channel", query.channel().name());
            }
        } else if (query.channel() != null) {
            index = BY_CHANNEL;
            partitionAttr = CHANNEL_KEY;
            partitionValue = query.channel().name();
        } else {
            index = BY_DATE;
            partitionAttr = LIST_KEY;
            partitionValue = ALL_ORDERS;
        }
        String sortCondition = null;
        Map<String, AttributeValue> sortValues = new HashMap<>();
        // dateKey is "<date>#<order number>"; '~' sorts after every character an order number may hold.
        if (query.from() != null) {
            sortValues.put(":from", AttributeValue.fromS(query.from().toString()));
        }
        if (query.to() != null) {
            sortValues.put(":to", AttributeValue.fromS(query.to() + "#~"));
        }
        if (query.from() != null && query.to() != null) {
            sortCondition = "#s BETWEEN :from AND :to";
        } else if (query.from() != null) {
            sortCondition = "#s >= :from";
        } else if (query.to() != null) {
            sortCondition = "#s <= :to";
        }
        return new ListPlan(List.of(new Step(index, partitionAttr, partitionValue, DATE_KEY, sortCondition,
                sortValues, true, filter.expression(), filter.names, filter.values, item -> false)));
    }

    private static final class Filter {
        private final StringBuilder expression = new StringBuilder();
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, AttributeValue> values = new HashMap<>();

        void equal(String attribute, String value) {
            add("#f_" + attribute + " = :f_" + attribute, attribute);
            values.put(":f_" + attribute, AttributeValue.fromS(value));
        }

        void dateRange(OrderQuery query) {
            if (query.from() != null) {
                add("#f_orderDate >= :f_from", "orderDate");
                values.put(":f_from", AttributeValue.fromS(query.from().toString()));
            }
            if (query.to() != null) {
                add("#f_orderDate <= :f_to", "orderDate");
                values.put(":f_to", AttributeValue.fromS(query.to().toString()));
            }
        }

        private void add(String condition, String attribute) {
            if (!expression.isEmpty()) {
                expression.append(" AND ");
            }
            expression.append(condition);
            names.put("#f_" + attribute, attribute);
        }

        String expression() {
            return expression.isEmpty() ? null : expression.toString();
        }
    }
}
