package com.miniwms.salesorders.local.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A SAM (or plain CloudFormation) template, read with every intrinsic function in its long form
 * ({@code {"Ref": ..}}, {@code {"Fn::Sub": ..}}, {@code {"Fn::GetAtt": [id, attribute]}}, ...) and YAML anchors
 * resolved into independent copies.
 */
public final class SamTemplate {

    /** The SAM function resource type. */
    public static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    private final Path source;
    private final Map<String, Object> document;
    private final Map<String, SamResource> resources;
    private final List<SamFunction> functions;

    private SamTemplate(Path source, Map<String, Object> document) {
        this.source = source;
        this.document = document;
        Map<String, SamResource> byId = new LinkedHashMap<>();
        mapAt(document, "Resources").forEach((id, definition) -> {
            if (!(definition instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("Resource " + id + " is not a mapping");
            }
            byId.put(id, SamResource.of(id, Values.asMap(definition)));
        });
        this.resources = Collections.unmodifiableMap(byId);
        Map<String, Object> functionGlobals = mapAt(mapAt(document, "Globals"), "Function");
        List<SamFunction> fns = new ArrayList<>();
        for (SamResource resource : byId.values()) {
            if (FUNCTION_TYPE.equals(resource.type())) {
                fns.add(SamFunction.of(resource, functionGlobals, parameterDefaults()));
            }
        }
        this.functions = List.copyOf(fns);
    }

    /** Reads a template file. */
    public static SamTemplate load(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + path, e);
        }
    }

    /** Reads the project's own {@code template.yaml}. */
    public static SamTemplate loadProjectTemplate() {
        return load(ProjectPaths.template());
    }

    /** Reads template text (YAML or JSON). */
    public static SamTemplate parse(String text) {
        return parse(text, null);
    }

    private static SamTemplate parse(String text, Path source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(500);
        Object loaded = new Yaml(new CfnYamlConstructor(options)).load(text);
        if (!(loaded instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("A template must be a mapping at the top level"
                    + (source == null ? "" : ": " + source));
        }
        return new SamTemplate(source, Values.asMap(Values.deepCopy(loaded)));
    }

    /** The file this template came from, if any. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** The whole template, long form, read-only. */
    public Map<String, Object> document() {
        return document;
    }

    /** {@code Parameters}: name to definition. */
    public Map<String, Object> parameters() {
        return mapAt(document, "Parameters");
    }

    /** {@code Mappings}. */
    public Map<String, Object> mappings() {
        return mapAt(document, "Mappings");
    }

    /** {@code Conditions}: name to condition expression. */
    public Map<String, Object> conditions() {
        return mapAt(document, "Conditions");
    }

    /** {@code Globals.<section>}, for example {@code globals("Function")}. */
    public Map<String, Object> globals(String section) {
        return mapAt(mapAt(document, "Globals"), section);
    }

    /** Each parameter's {@code Default}, as a string, where it has one. */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        parameters().forEach((name, definition) -> {
            Object value = Values.asMap(definition).get("Default");
            if (value != null) {
                defaults.put(name, value instanceof List<?> list ? Values.joinList(list) : value.toString());
            }
        });
        return defaults;
    }

    /** Every resource, in template order. */
    public Map<String, SamResource> resources() {
        return resources;
    }

    /** One resource by logical id. */
    public Optional<SamResource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    /** The resources of one type, in template order. */
    public List<SamResource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    /** Every {@code AWS::Serverless::Function}, with {@code Globals.Function} applied. */
    public List<SamFunction> functions() {
        return functions;
    }

    /** One function by logical id. */
    public Optional<SamFunction> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    private static Map<String, Object> mapAt(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : Values.asMap(value);
    }
}
