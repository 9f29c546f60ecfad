package com.miniwms.salesorders.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's contract as written in {@code openapi.yaml}, for tests that want to know whether a response keeps it.
 *
 * <p>{@link #validate(String, String, int, String)} and its overloads check that the status is declared for the
 * operation, that the body is present exactly when the response declares content and that it matches the schema of
 * that response; the overloads taking headers also check the content type and the headers the response declares as
 * required. Operations are named as in the document: the method and the path template, such as
 * {@code "PUT", "/orders/{orderNumber}"}. Failures are {@link AssertionError}s that say what was expected.
 *
 * <p>Responses are checked more strictly than the document reads: an object schema with {@code properties} and no
 * {@code additionalProperties} of its own accepts no other properties here, so a field the service starts to send is
 * noticed until it is documented; the document itself stays open so that clients ignore fields they do not know.
 * Likewise a handler's response ({@link #validate(String, String, APIGatewayV2HTTPResponse)}) may carry only the
 * headers its response declares, besides {@code Content-Type} and {@code Cache-Control}. Request bodies are checked
 * against their schemas as written.
 *
 * <p>Thread-safe; load it once per test class.
 */
public final class OpenApiContract {
    /** Where the document lives for the validator; {@code $ref}s inside it resolve against this. */
    private static final String DOCUMENT_IRI = "urn:mini-wms:sales-orders:openapi";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Headers every handler response carries, described once in the document's introduction. */
    private static final Set<String> GENERAL_HEADERS = Set.of("content-type", "cache-control");

    private final Path file;
    private final JsonNode document;
    private final SchemaRegistry asWritten;
    private final SchemaRegistry strict;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(Path file) {
        this.file = file;
        this.document = MAPPER.valueToTree(YamlFiles.load(file));
        if (!document.path("openapi").asText().startsWith("3.1.")) {
            throw new IllegalStateException(file + " is not an OpenAPI 3.1 document");
        }
        this.asWritten = registry(document);
        this.strict = registry(closeObjectSchemas(document.deepCopy()));
    }

    private static SchemaRegistry registry(JsonNode document) {
        String json;
        try {
            json = MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(DOCUMENT_IRI, json))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The repository's {@code openapi.yaml}. */
    public static OpenApiContract load() {
        return load(YamlFiles.projectRoot().resolve("openapi.yaml"));
    }

    public static OpenApiContract load(Path file) {
        return new OpenApiContract(file);
    }

    /** The whole document as a tree, for tests that inspect it. */
    public JsonNode document() {
        return document;
    }

    /** One operation of the document. */
    public record Operation(String method, String path, JsonNode definition) {
        public String routeKey() {
            return method + " " + path;
        }

        /** The scopes the operation's security requirements ask of {@code scheme}, in the order written. */
        public List<String> scopes(String scheme) {
            List<String> scopes = new ArrayList<>();
            for (JsonNode requirement : definition.path("security")) {
                requirement.path(scheme).forEach(scope -> scopes.add(scope.asText()));
            }
            return scopes;
        }
    }

    /** Every operation, in document order; methods upper-case. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    public Operation operation(String method, String path) {
        JsonNode definition = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (!definition.isObject()) {
            throw new AssertionError(file.getFileName() + " has no operation " + method + " " + path);
        }
        return new Operation(method.toUpperCase(Locale.ROOT), path, definition);
    }

    /** The status codes the operation declares (ranges such as {@code 4XX} and {@code default} are left out). */
    public Set<Integer> statuses(String method, String path) {
        Set<Integer> statuses = new TreeSet<>();
        JsonNode responses = operation(method, path).definition().path("responses");
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            if (response.getKey().matches("[1-5][0-9][0-9]")) {
                statuses.add(Integer.parseInt(response.getKey()));
            }
        }
        return statuses;
    }

    /**
     * Checks a status and body: the status is declared, and the body matches the schema of its only media type (or,
     * where a response declares several, of {@code application/problem+json} for errors and {@code application/json}
     * otherwise). A null or empty body is right only for a response without content.
     */
    public void validate(String method, String path, int status, String body) {
        Located response = response(method, path, status);
        JsonNode content = response.node().path("content");
        if (isEmpty(body)) {
            if (!content.isEmpty()) {
                fail(method, path, status, "declares a body (" + names(content) + ") but the response has none");
            }
            return;
        }
        if (content.isEmpty()) {
            fail(method, path, status, "declares no body but the response has one: " + abbreviate(body));
        }
        String mediaType;
        if (content.size() == 1) {
            mediaType = names(content).iterator().next();
        } else {
            mediaType = status >= 400 && content.has("application/problem+json") ? "application/problem+json"
                    : "application/json";
        }
        checkBody(method, path, status, response, mediaType, body);
    }

    /** As {@link #validate(String, String, int, String)}, for the given media type (parameters are ignored). */
    public void validate(String method, String path, int status, String contentType, String body) {
        Located response = response(method, path, status);
        JsonNode content = response.node().path("content");
        if (isEmpty(body)) {
            if (!content.isEmpty()) {
                fail(method, path, status, "declares a body (" + names(content) + ") but the response has none");
            }
            return;
        }
        if (contentType == null) {
            fail(method, path, status, "has a body but no Content-Type");
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            fail(method, path, status, "declares " + names(content) + " but the response is " + contentType);
        }
        checkBody(method, path, status, response, mediaType, body);
    }

    /**
     * Checks a whole response: status, content type and body as above, and every header the response declares as
     * required is present (names case-insensitive) and matches its schema; declared optional headers are checked
     * when present. Other headers are not looked at (proxies and API Gateway add their own).
     */
    public void validate(String method, String path, int status, Map<String, String> headers, String body) {
        validate(method, path, status, headers, body, false);
    }

    /** A Lambda response of one of the handlers: as above, and it sends no header its response does not declare. */
    public void validate(String method, String path, APIGatewayV2HTTPResponse response) {
        String body = response.getBody();
        if (body != null && response.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        validate(method, path, response.getStatusCode(), response.getHeaders(), body, true);
    }

    private void validate(String method, String path, int status, Map<String, String> headers, String body,
                          boolean onlyDeclaredHeaders) {
        Map<String, String> byName = new HashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> byName.put(name.toLowerCase(Locale.ROOT), value));
        }
        validate(method, path, status, byName.get("content-type"), body);
        Located response = response(method, path, status);
        JsonNode declaredHeaders = response.node().path("headers");
        if (onlyDeclaredHeaders) {
            Set<String> declaredNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            declaredNames.addAll(names(declaredHeaders));
            for (String name : byName.keySet()) {
                if (!GENERAL_HEADERS.contains(name) && !declaredNames.contains(name)) {
                    fail(method, path, status, "sends the header " + name + ", which the response does not declare"
                            + " (declared: " + declaredNames + ")");
                }
            }
        }
        for (Map.Entry<String, JsonNode> declared : declaredHeaders.properties()) {
            if (declared.getKey().equalsIgnoreCase("Content-Type")) {
                continue;
            }
            Located header = resolve(response.pointer() + "/headers/" + escape(declared.getKey()), declared.getValue());
            String value = byName.get(declared.getKey().toLowerCase(Locale.ROOT));
            if (value == null) {
                if (header.node().path("required").asBoolean(false)) {
                    fail(method, path, status, "requires the header " + declared.getKey() + "; got headers "
                            + (headers == null ? "none" : headers.keySet()));
                }
                continue;
            }
            if (header.node().has("schema")) {
                List<Error> errors = schema(strict, header.pointer() + "/schema").validate(json(value),
                        InputFormat.JSON);
                if (!errors.isEmpty()) {
                    fail(method, path, status, "header " + declared.getKey() + ": " + value + " does not match: "
                            + describe(errors));
                }
            }
        }
    }

    /** What is wrong with a request body by the operation's {@code application/json} schema; empty when valid. */
    public List<String> requestBodyProblems(String method, String path, String body) {
        Operation operation = operation(method, path);
        Located requestBody = resolve(pointer(operation) + "/requestBody", operation.definition().path("requestBody"));
        JsonNode schema = requestBody.node().path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new AssertionError(method + " " + path + " declares no application/json request body");
        }
        String pointer = requestBody.pointer() + "/content/application~1json/schema";
        return schema(asWritten, pointer).validate(body, InputFormat.JSON).stream().map(OpenApiContract::describe)
                .toList();
    }

    private void checkBody(String method, String path, int status, Located response, String mediaType,
                           String body) {
        JsonNode media = response.node().path("content").path(mediaType);
        if (!media.has("schema")) {
            return;
        }
        String pointer = response.pointer() + "/content/" + escape(mediaType) + "/schema";
        List<Error> errors;
        try {
            errors = schema(strict, pointer).validate(body, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw new AssertionError(method + " " + path + " -> " + status + ": the body is not JSON: "
                    + abbreviate(body), e);
        }
        if (!errors.isEmpty()) {
            fail(method, path, status, "body does not match " + mediaType + " schema (" + pointer + "):\n  "
                    + String.join("\n  ", errors.stream().map(OpenApiContract::describe).toList())
                    + "\nbody: " + abbreviate(body));
        }
    }

    private Located response(String method, String path, int status) {
        Operation operation = operation(method, path);
        JsonNode responses = operation.definition().path("responses");
        String code = String.valueOf(status);
        String key = responses.has(code) ? code
                : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            fail(method, path, status, "is not a declared status; declared: " + statuses(method, path));
        }
        return resolve(pointer(operation) + "/responses/" + key, responses.path(key));
    }

    /** The schema at a JSON pointer into the document; path templates' braces are percent-encoded in the IRI. */
    private Schema schema(SchemaRegistry registry, String pointer) {
        String key = (registry == strict ? "strict:" : "written:") + pointer;
        return schemas.computeIfAbsent(key, k -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#"
                + pointer.replace("{", "%7B").replace("}", "%7D"))));
    }

    /** Follows {@code $ref}s to components of this document, keeping track of where the target is. */
    private Located resolve(String pointer, JsonNode node) {
        String at = pointer;
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/") || hops > 10) {
                throw new IllegalStateException("Cannot follow $ref " + ref + " at " + at);
            }
            at = ref.substring(1);
            current = document.at(at);
            if (current.isMissingNode()) {
                throw new AssertionError(file.getFileName() + ": $ref " + ref + " points nowhere");
            }
        }
        return new Located(at, current);
    }

    private record Located(String pointer, JsonNode node) {
    }

    private static String pointer(Operation operation) {
        return "/paths/" + escape(operation.path()) + "/" + operation.method().toLowerCase(Locale.ROOT);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** See the class comment: object schemas that do not say otherwise accept only their named properties. */
    private static JsonNode closeObjectSchemas(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("type").asText().equals("object") && object.has("properties")
                    && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
        }
        if (node.isContainerNode()) {
            node.forEach(OpenApiContract::closeObjectSchemas);
        }
        return node;
    }

    private static String json(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static String describe(List<Error> errors) {
        return String.join("; ", errors.stream().map(OpenApiContract::describe).toList());
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    private static boolean isEmpty(String body) {
        return body == null || body.isEmpty();
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "... (" + body.length() + " characters)";
    }

    private static void fail(String method, String path, int status, String message) {
        throw new AssertionError(method + " " + path + " -> " + status + ": " + message);
    }
}
