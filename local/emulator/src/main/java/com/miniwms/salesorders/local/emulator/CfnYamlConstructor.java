package com.miniwms.salesorders.local.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML: the short-form intrinsic tags become their long (JSON) form, and timestamps stay
 * strings, as CloudFormation itself reads them.
 */
final class CfnYamlConstructor extends SafeConstructor {

    /** Short tag name to long-form key; {@code !GetAtt} and {@code !Condition} have their own handling. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("Ref", "Ref"),
            Map.entry("Sub", "Fn::Sub"),
            Map.entry("Join", "Fn::Join"),
            Map.entry("Select", "Fn::Select"),
            Map.entry("Split", "Fn::Split"),
            Map.entry("If", "Fn::If"),
            Map.entry("Equals", "Fn::Equals"),
            Map.entry("Not", "Fn::Not"),
            Map.entry("And", "Fn::And"),
            Map.entry("Or", "Fn::Or"),
            Map.entry("FindInMap", "Fn::FindInMap"),
            Map.entry("ImportValue", "Fn::ImportValue"),
            Map.entry("GetAZs", "Fn::GetAZs"),
            Map.entry("Base64", "Fn::Base64"),
            Map.entry("Cidr", "Fn::Cidr"),
            Map.entry("Length", "Fn::Length"),
            Map.entry("ToJsonString", "Fn::ToJsonString"),
            Map.entry("Transform", "Fn::Transform"),
            Map.entry("Condition", "Condition"));

    CfnYamlConstructor(LoaderOptions options) {
        super(options);
        FUNCTIONS.forEach((tag, key) -> yamlConstructors.put(new Tag("!" + tag), new Intrinsic(key)));
        yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
        yamlConstructors.put(Tag.TIMESTAMP, new AsString());
    }

    private Object value(Node node) {
        if (node instanceof ScalarNode scalar) {
            return constructScalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
            return new ArrayList<>(constructSequence(sequence));
        }
        return new LinkedHashMap<>(constructMapping((MappingNode) node));
    }

    private final class Intrinsic extends AbstractConstruct {
        private final String key;

        Intrinsic(String key) {
            this.key = key;
        }

        @Override
        public Object construct(Node node) {
            Map<String, Object> longForm = new LinkedHashMap<>();
            longForm.put(key, value(node));
            return longForm;
        }
    }

    private final class GetAtt extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            Object value = value(node);
            if (value instanceof String dotted) {
                int dot = dotted.indexOf('.');
                if (dot <= 0 || dot == dotted.length() - 1) {
                    throw new IllegalArgumentException("!GetAtt needs LogicalId.Attribute, got '" + dotted + "'");
                }
                value = new ArrayList<>(List.of(dotted.substring(0, dot), dotted.substring(dot + 1)));
            }
            Map<String, Object> longForm = new LinkedHashMap<>();
            longForm.put("Fn::GetAtt", value);
            return longForm;
        }
    }

    private final class AsString extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            return constructScalar((ScalarNode) node);
        }
    }
}
