package com.miniwms.salesorders.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.miniwms.salesorders.domain.FieldError;
import com.miniwms.salesorders.json.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a request body into a request record, strictly: every way a body can be wrong becomes a 4xx that names
 * the field and says what was expected.
 */
public final class JsonBody {
    private JsonBody() {
    }

    public static JsonNode tree(ApiRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType != null && !isJson(contentType)) {
            throw new HttpException(415, "Unsupported media type",
                    "Send the body as application/json; got " + contentType);
        }
        byte[] body = request.body();
        if (body.length == 0) {
            throw new HttpException(400, "Invalid request", "A JSON body is required");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new HttpException(400, "Malformed JSON", "The body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new HttpException(400, "Malformed JSON", "The body could not be read as JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new HttpException(400, "Invalid request", "The body must be a JSON object");
        }
        return tree;
    }

    /** Parses the body as {@code type}; fields in {@code readOnly} are refused with a clear reason. */
    public static <T> T read(ApiRequest request, Class<T> type, Set<String> readOnly) {
        return read(tree(request), type, readOnly);
    }

    /** Binds an already parsed body (see {@link #tree(ApiRequest)}) to {@code type}. */
    public static <T> T read(JsonNode tree, Class<T> type, Set<String> readOnly) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : readOnly) {
            if (tree.has(name)) {
                errors.add(new FieldError(name, "cannot be sent here: the service sets it, or it is changed through its own route"));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        try {
            return Json.MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw invalid(List.of(new FieldError(path(e), message(e))));
        } catch (JsonProcessingException e) {
            throw new HttpException(400, "Invalid request", "The body could not be read: " + e.getOriginalMessage());
        }
    }

    public static HttpException invalid(List<FieldError> errors) {
        return new HttpException(400, "Invalid request",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors);
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            return "is not a known field" + (known == null || known.isEmpty() ? ""
                    : "; known fields: " + known.stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return v.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return expected(f.getTargetType()) + "; got " + f.getValue();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return expected(m.getTargetType());
        }
        return "is not valid here";
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "must be text (a JSON string)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class) {
            return "must be a decimal number, such as \"12.50\"";
        }
        if (type == LocalDate.class) {
            return "must be a date, YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "must be a UTC time, such as 2026-12-03T10:15:30Z";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "must be an object";
    }
}
