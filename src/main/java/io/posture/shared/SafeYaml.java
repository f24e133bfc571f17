package io.posture.shared;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.Reader;
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
        InvalidYamlException(String message, Throwable cause) {
            super(message, cause);
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
