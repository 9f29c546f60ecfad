package com.miniwms.salesorders.local.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions (long form) against one stack: pseudo parameters, the template's
 * parameters, mappings and conditions, and the physical ids and attributes of resources that exist.
 */
public final class IntrinsicResolver {

    /** What {@code Ref: AWS::NoValue} resolves to; maps and lists drop it. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    /** Physical ids and attributes of the stack's resources. */
    public interface ResourceLookup {
        /** What {@code Ref} gives for a resource, if it exists. */
        Optional<String> ref(String logicalId);

        /** What {@code Fn::GetAtt} gives, if known. */
        Optional<String> attribute(String logicalId, String attribute);
    }

    /** Raised for anything that has no local value (a resource that was not created, an import, ...). */
    public static final class UnresolvableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnresolvableException(String message) {
            super(message);
        }
    }

    private static final Pattern LIST_TYPE = Pattern.compile("CommaDelimitedList|List<.*>");

    private final SamTemplate template;
    private final StackIdentity stack;
    private final Map<String, String> parameters;
    private final ResourceLookup resources;

    /**
     * @param template the template whose parameters, mappings and conditions apply
     * @param stack stack name, id, region and account
     * @param parameterOverrides parameter values that replace the template's defaults
     * @param resources the resources that exist
     */
    public IntrinsicResolver(SamTemplate template, StackIdentity stack, Map<String, String> parameterOverrides,
                             ResourceLookup resources) {
        this.template = template;
        this.stack = stack;
        Map<String, String> values = new LinkedHashMap<>(template.parameterDefaults());
        values.putAll(parameterOverrides);
        this.parameters = Map.copyOf(values);
        this.resources = resources;
    }

    /** Resolves a value: scalars stay as they are, maps and lists are resolved entry by entry. */
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = Values.asMap(map);
            if (Values.isIntrinsic(m) && !m.containsKey("Condition")) {
                Map.Entry<String, Object> fn = m.entrySet().iterator().next();
                return function(fn.getKey(), fn.getValue());
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            m.forEach((key, v) -> {
                Object r = resolve(v);
                if (r != NO_VALUE) {
                    resolved.put(key, r);
                }
            });
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object item : list) {
                Object r = resolve(item);
                if (r != NO_VALUE) {
                    resolved.add(r);
                }
            }
            return resolved;
        }
        return value;
    }

    /** Resolves a value that must end up as a string (numbers and booleans are written as CloudFormation does). */
    public String resolveString(Object value) {
        Object resolved = resolve(value);
        if (resolved == NO_VALUE || resolved == null) {
            throw new UnresolvableException("no value");
        }
        if (resolved instanceof List<?> list) {
            return Values.joinList(list);
        }
        if (resolved instanceof Map<?, ?>) {
            throw new UnresolvableException("a mapping is not a string: " + resolved);
        }
        return resolved.toString();
    }

    /** Evaluates a condition by name. */
    public boolean condition(String name) {
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new UnresolvableException("no condition named " + name);
        }
        return conditionValue(definition);
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(String.valueOf(argument));
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> join(argument);
            case "Fn::Select" -> select(argument);
            case "Fn::Split" -> split(argument);
            case "Fn::If" -> ifFunction(argument);
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> conditionValue(Map.of(name, argument));
            case "Fn::FindInMap" -> findInMap(argument);
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    resolveString(argument).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(stack.region() + "a", stack.region() + "b", stack.region() + "c");
            default -> throw new UnresolvableException(name + " has no local value");
        };
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Region":
                return stack.region();
            case "AWS::AccountId":
                return stack.accountId();
            case "AWS::StackName":
                return stack.stackName();
            case "AWS::StackId":
                return stack.stackId();
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::NotificationARNs":
                return List.of();
            default:
                break;
        }
        if (parameters.containsKey(name)) {
            String value = parameters.get(name);
            Object type = Values.asMap(template.parameters().get(name)).get("Type");
            if (type != null && LIST_TYPE.matcher(type.toString()).matches()) {
                return List.of(value.split(",", -1));
            }
            return value;
        }
        if (template.parameters().containsKey(name)) {
            throw new UnresolvableException("parameter " + name + " has no Default and no value");
        }
        return resources.ref(name).orElseThrow(
                () -> new UnresolvableException("resource " + name + " does not exist locally"));
    }

    private Object getAtt(Object argument) {
        List<?> parts = list(argument, "Fn::GetAtt");
        if (parts.size() != 2) {
            throw new IllegalArgumentException("Fn::GetAtt needs [LogicalId, Attribute]: " + argument);
        }
        String logicalId = String.valueOf(parts.get(0));
        String attribute = resolveString(parts.get(1));
        return resources.attribute(logicalId, attribute).orElseThrow(() -> new UnresolvableException(
                "attribute " + logicalId + "." + attribute + " has no local value"));
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            if (list.size() != 2) {
                throw new IllegalArgumentException("Fn::Sub needs a string or [string, variables]: " + argument);
            }
            text = String.valueOf(list.get(0));
            variables = Values.asMap(list.get(1));
        } else {
            text = String.valueOf(argument);
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("${", at);
            if (open < 0) {
                out.append(text, at, text.length());
                break;
            }
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("Unclosed ${ in Fn::Sub: " + text);
            }
            out.append(text, at, open);
            String name = text.substring(open + 2, close).trim();
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else if (variables.containsKey(name)) {
                out.append(resolveString(variables.get(name)));
            } else if (!name.startsWith("AWS::") && name.contains(".")) {
                int dot = name.indexOf('.');
                out.append(resolveString(Map.of("Fn::GetAtt", List.of(name.substring(0, dot),
                        name.substring(dot + 1)))));
            } else {
                out.append(resolveString(Map.of("Ref", name)));
            }
            at = close + 1;
        }
        return out.toString();
    }

    private String join(Object argument) {
        List<?> parts = list(argument, "Fn::Join");
        String delimiter = String.valueOf(parts.get(0));
        List<?> items = list(resolve(parts.get(1)), "Fn::Join");
        List<String> strings = new ArrayList<>();
        for (Object item : items) {
            strings.add(resolveString(item));
        }
        return String.join(delimiter, strings);
    }

    private Object select(Object argument) {
        List<?> parts = list(argument, "Fn::Select");
        int index = Integer.parseInt(resolveString(parts.get(0)));
        List<?> items = list(resolve(parts.get(1)), "Fn::Select");
        if (index < 0 || index >= items.size()) {
            throw new IllegalArgumentException("Fn::Select index " + index + " out of range: " + items);
        }
        return resolve(items.get(index));
    }

    private List<String> split(Object argument) {
        List<?> parts = list(argument, "Fn::Split");
        String delimiter = String.valueOf(parts.get(0));
        String source = resolveString(parts.get(1));
        return List.of(source.split(Pattern.quote(delimiter), -1));
    }

    private Object ifFunction(Object argument) {
        List<?> parts = list(argument, "Fn::If");
        if (parts.size() != 3) {
            throw new IllegalArgumentException("Fn::If needs [condition, then, else]: " + argument);
        }
        return resolve(condition(String.valueOf(parts.get(0))) ? parts.get(1) : parts.get(2));
    }

    private Object findInMap(Object argument) {
        List<?> parts = list(argument, "Fn::FindInMap");
        String mapName = resolveString(parts.get(0));
        String top = resolveString(parts.get(1));
        String second = resolveString(parts.get(2));
        Object mapping = template.mappings().get(mapName);
        if (mapping instanceof Map<?, ?> m && m.get(top) instanceof Map<?, ?> inner && inner.containsKey(second)) {
            return resolve(inner.get(second));
        }
        if (parts.size() > 3 && parts.get(3) instanceof Map<?, ?> options && options.containsKey("DefaultValue")) {
            return resolve(options.get("DefaultValue"));
        }
        throw new UnresolvableException("no mapping value " + mapName + "/" + top + "/" + second);
    }

    private boolean conditionValue(Object expression) {
        if (expression instanceof Boolean b) {
            return b;
        }
        if (expression instanceof String s) {
            return Boolean.parseBoolean(s);
        }
        Map<String, Object> map = Values.asMap(expression);
        if (map.size() != 1) {
            throw new IllegalArgumentException("Not a condition: " + expression);
        }
        Map.Entry<String, Object> fn = map.entrySet().iterator().next();
        return switch (fn.getKey()) {
            case "Condition" -> condition(String.valueOf(fn.getValue()));
            case "Fn::Equals" -> {
                List<?> pair = list(fn.getValue(), "Fn::Equals");
                yield scalar(resolve(pair.get(0))).equals(scalar(resolve(pair.get(1))));
            }
            case "Fn::Not" -> !conditionValue(list(fn.getValue(), "Fn::Not").get(0));
            case "Fn::And" -> list(fn.getValue(), "Fn::And").stream().allMatch(this::conditionValue);
            case "Fn::Or" -> list(fn.getValue(), "Fn::Or").stream().anyMatch(this::conditionValue);
            default -> throw new IllegalArgumentException("Not a condition function: " + fn.getKey());
        };
    }

    private static String scalar(Object value) {
        return value instanceof List<?> list ? Values.joinList(list) : String.valueOf(value);
    }

    private static List<?> list(Object value, String function) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(function + " needs a list, got " + Values.describe(value));
    }
}
