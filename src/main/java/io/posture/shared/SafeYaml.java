package io.posture.shared;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * YAML parsing with limits against hostile input: no custom types, few aliases (no billion
 * laughs), bounded nesting and size, no duplicate keys, and timestamps kept as text the way
 * Kubernetes keeps them.
 */
public final class SafeYaml {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 64;

    private SafeYaml() {
    }

    /** Every document of a YAML stream as a JSON tree; empty documents are skipped. */
    public static List<JsonNode> readAll(Reader reader, int maxCodePoints) {
        var documents = new ArrayList<JsonNode>();
        try {
            for (var document : yaml(maxCodePoints).loadAll(reader)) {
                if (document != null) {
                    documents.add(JSON.valueToTree(document));
                }
            }
        } catch (YAMLException e) {
            throw new InvalidYamlException(describe(e), e);
        }
        return documents;
    }

    /**
     * A single YAML document with the line of every key and list item, by JSON pointer
     * ({@code /sections/0/controls/2/rule}), so that validation can say where a mistake is.
     */
    public static Located readLocated(String text, int maxCodePoints) {
        try {
            var value = yaml(maxCodePoints).load(text);
            var lines = new HashMap<String, Integer>();
            var node = yaml(maxCodePoints).compose(new StringReader(text));
            if (node != null) {
                lines.put("", node.getStartMark().getLine() + 1);
                recordLines(node, "", lines);
            }
            return new Located(value == null ? JSON.nullNode() : JSON.valueToTree(value), Map.copyOf(lines));
        } catch (YAMLException e) {
            var line = e instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                    ? marked.getProblemMark().getLine() + 1 : 0;
            throw new InvalidYamlException(describe(e), e, line);
        }
    }

    private static void recordLines(Node node, String pointer, Map<String, Integer> lines) {
        if (node instanceof MappingNode mapping) {
            for (var tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    var child = pointer + "/" + key.getValue().replace("~", "~0").replace("/", "~1");
                    lines.put(child, tuple.getKeyNode().getStartMark().getLine() + 1);
                    recordLines(tuple.getValueNode(), child, lines);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            int index = 0;
            for (var item : sequence.getValue()) {
                var child = pointer + "/" + index++;
                lines.put(child, item.getStartMark().getLine() + 1);
                recordLines(item, child, lines);
            }
        }
    }

    /** A parsed document and the line (1-based) of each JSON pointer in it. */
    public record Located(JsonNode root, Map<String, Integer> lines) {

        /** The line of the pointer, or of its nearest ancestor that has one. */
        public int lineOf(String pointer) {
            var current = pointer;
            while (true) {
                var line = lines.get(current);
                if (line != null || current.isEmpty()) {
                    return line == null ? 1 : line;
                }
                current = current.substring(0, current.lastIndexOf('/'));
            }
        }
    }

    private static Yaml yaml(int maxCodePoints) {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(maxCodePoints);
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new TimestampsAsTextResolver());
    }

    private static String describe(YAMLException e) {
        var message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        if (message.contains("Number of aliases")) {
            return "too many YAML aliases (more than " + MAX_ALIASES + "): refused as a possible YAML bomb";
        }
        if (message.contains("exceeds the limit")) {
            return "the document is larger than the allowed size";
        }
        return message.replaceAll("\\s+", " ").trim();
    }

    /** Thrown for anything the YAML parser refuses; the message is meant for the user. */
    public static final class InvalidYamlException extends RuntimeException {
        private final int line;

        InvalidYamlException(String message, Throwable cause) {
            this(message, cause, 0);
        }

        InvalidYamlException(String message, Throwable cause, int line) {
            super(message, cause);
            this.line = line;
        }

        /** The 1-based line the parser stopped at, or 0 when it did not say. */
        public int line() {
            return line;
        }
    }

    private static final class TimestampsAsTextResolver extends Resolver {
        @Override
        public void addImplicitResolver(org.yaml.snakeyaml.nodes.Tag tag, java.util.regex.Pattern regexp,
                                        String first, int limit) {
            if (!org.yaml.snakeyaml.nodes.Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
