package com.miniwms.salesorders.api;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads the project's YAML files (openapi.yaml, template.yaml) into plain maps, lists and scalars. */
final class YamlFiles {
    private YamlFiles() {
    }

    /**
     * The repository root: the {@code project.root} property the build sets, else the nearest parent directory
     * holding both template.yaml and openapi.yaml.
     */
    static Path projectRoot() {
        String configured = System.getProperty("project.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("template.yaml")) && Files.isRegularFile(p.resolve("openapi.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("No directory with template.yaml and openapi.yaml above " + dir);
    }

    /** A YAML document; dates stay strings (an example such as 2026-12-01 is text, as in JSON). */
    static Map<String, Object> load(Path file) {
        return read(file, new SafeConstructor(new LoaderOptions()));
    }

    /**
     * A CloudFormation template. Short-form intrinsic functions ({@code !Ref X}, {@code !Sub "..."},
     * {@code !GetAtt A.B}, ...) become their long form ({@code {Ref: X}}, {@code {Fn::Sub: ...}}, ...).
     */
    static Map<String, Object> loadCloudFormation(Path file) {
        return read(file, new CloudFormationConstructor());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file, SafeConstructor constructor) {
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = new Yaml(constructor, new Representer(new DumperOptions()), new DumperOptions(), options,
                new DatesAsText());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = yaml.load(reader);
            if (!(document instanceof Map<?, ?>)) {
                throw new IllegalStateException(file + " is not a YAML mapping");
            }
            return (Map<String, Object>) document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain YAML 1.1 resolution, except that timestamps are left as strings. */
    private static final class DatesAsText extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            return Tag.TIMESTAMP.equals(tag) ? Tag.STR : tag;
        }
    }

    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            // Every local tag (!Ref, !Sub, !GetAtt, !If, ...), including ones CloudFormation adds later.
            yamlMultiConstructors.put("!", new Intrinsic());
        }

        private final class Intrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                Object value = switch (node) {
                    case ScalarNode scalar when name.equals("GetAtt") ->
                            List.copyOf(Arrays.asList(scalar.getValue().split("\\.", 2)));
                    case ScalarNode scalar -> scalar.getValue();
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalStateException("Unexpected YAML node " + node);
                };
                return Map.of(key, value);
            }
        }
    }
}
