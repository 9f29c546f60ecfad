package com.miniwms.salesorders.local.emulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the resources a template value refers to through {@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub}. */
final class References {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private References() {
    }

    static Set<String> resources(Object value, SamTemplate template) {
        Set<String> found = new LinkedHashSet<>();
        collect(value, template, found);
        return found;
    }

    private static void collect(Object value, SamTemplate template, Set<String> found) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = Values.asMap(map);
            if (m.size() == 1 && m.get("Ref") instanceof String name) {
                addIfResource(name, template, found);
                return;
            }
            if (m.size() == 1 && m.containsKey("Fn::GetAtt")) {
                Object arg = m.get("Fn::GetAtt");
                if (arg instanceof List<?> list && !list.isEmpty()) {
                    addIfResource(String.valueOf(list.get(0)), template, found);
                }
                return;
            }
            if (m.size() == 1 && m.containsKey("Fn::Sub")) {
                Object arg = m.get("Fn::Sub");
                String text = arg instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0))
                        : String.valueOf(arg);
                Set<String> local = arg instanceof List<?> list && list.size() > 1 && list.get(1) instanceof Map<?, ?> vars
                        ? Values.asMap(vars).keySet() : Set.of();
                Matcher matcher = SUB_VARIABLE.matcher(text);
                while (matcher.find()) {
                    String name = matcher.group(1).trim();
                    if (local.contains(name)) {
                        continue;
                    }
                    int dot = name.indexOf('.');
                    addIfResource(dot > 0 && !name.startsWith("AWS::") ? name.substring(0, dot) : name, template,
                            found);
                }
                if (arg instanceof List<?> list && list.size() > 1) {
                    collect(list.get(1), template, found);
                }
                return;
            }
            m.values().forEach(v -> collect(v, template, found));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, template, found));
        }
    }

    private static void addIfResource(String name, SamTemplate template, Set<String> found) {
        if (template.resources().containsKey(name)) {
            found.add(name);
        }
    }
}
