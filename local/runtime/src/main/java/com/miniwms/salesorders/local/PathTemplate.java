package com.miniwms.salesorders.local;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API route path such as {@code /orders/{orderNumber}/lines/{lineNumber}} or {@code /files/{proxy+}}, or the
 * catch-all {@code $default}.
 */
final class PathTemplate {

    static final String DEFAULT_ROUTE = "$default";

    private final String text;
    private final List<String> segments;
    private final boolean greedy;
    private final int literals;

    private PathTemplate(String text) {
        this.text = text;
        if (DEFAULT_ROUTE.equals(text)) {
            this.segments = List.of();
            this.greedy = true;
            this.literals = 0;
            return;
        }
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("A route path starts with '/': " + text);
        }
        List<String> parts = split(text);
        boolean hasGreedy = false;
        int literalCount = 0;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (isVariable(part)) {
                if (part.endsWith("+}")) {
                    if (i != parts.size() - 1) {
                        throw new IllegalArgumentException("A greedy {name+} must be the last segment: " + text);
                    }
                    hasGreedy = true;
                }
            } else {
                literalCount++;
            }
        }
        this.segments = List.copyOf(parts);
        this.greedy = hasGreedy;
        this.literals = literalCount;
    }

    static PathTemplate parse(String text) {
        return new PathTemplate(text);
    }

    String text() {
        return text;
    }

    boolean isDefault() {
        return DEFAULT_ROUTE.equals(text);
    }

    boolean greedy() {
        return greedy;
    }

    int literalSegments() {
        return literals;
    }

    int segmentCount() {
        return segments.size();
    }

    /**
     * Matches a raw (percent-encoded) request path; gives the decoded path parameters.
     *
     * @throws IllegalArgumentException when the path has malformed percent-encoding
     */
    Optional<Map<String, String>> match(String rawPath) {
        if (isDefault()) {
            return Optional.of(Map.of());
        }
        List<String> rawParts = split(rawPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String pattern = segments.get(i);
            if (greedy && i == segments.size() - 1) {
                if (rawParts.size() <= i) {
                    return Optional.empty();
                }
                String rest = String.join("/", rawParts.subList(i, rawParts.size()));
                if (rest.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(name(pattern), decode(rest));
                return Optional.of(parameters);
            }
            if (i >= rawParts.size()) {
                return Optional.empty();
            }
            String value = decode(rawParts.get(i));
            if (isVariable(pattern)) {
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(name(pattern), value);
            } else if (!pattern.equals(value)) {
                return Optional.empty();
            }
        }
        return rawParts.size() == segments.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** Percent-decodes a path piece as UTF-8; {@code +} stays a plus sign. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("Malformed percent-encoding in " + raw);
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("Malformed percent-encoding in " + raw);
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    encoded = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> split(String path) {
        String body = path.startsWith("/") ? path.substring(1) : path;
        List<String> parts = new ArrayList<>();
        if (body.isEmpty()) {
            return parts;
        }
        int start = 0;
        while (true) {
            int slash = body.indexOf('/', start);
            if (slash < 0) {
                parts.add(body.substring(start));
                return parts;
            }
            parts.add(body.substring(start, slash));
            start = slash + 1;
        }
    }

    private static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    private static String name(String segment) {
        String inner = segment.substring(1, segment.length() - 1);
        return inner.endsWith("+") ? inner.substring(0, inner.length() - 1) : inner;
    }

    @Override
    public String toString() {
        return text;
    }
}
