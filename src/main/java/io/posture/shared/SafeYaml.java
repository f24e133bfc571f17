package io.posture.shared;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
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
import java.util.Locale;
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
    private static final java.util.regex.Pattern DOCUMENT_START = java.util.regex.Pattern.compile("---(\\s|$)");

    private SafeYaml() {
    }

    /** Every document of a YAML stream as a JSON tree; empty documents are skipped. The first problem is thrown. */
    public static List<JsonNode> readAll(Reader reader, int maxCodePoints) {
        var documents = new ArrayList<JsonNode>();
        for (var document : readDocuments(readText(reader), maxCodePoints, InputLimits.MANIFESTS)) {
            if (document.problem() != null) {
                throw new InvalidYamlException(document.problem(), null, document.line());
            }
            documents.add(document.root());
        }
        return documents;
    }

    /**
     * Every non-empty document of a YAML stream, each read on its own: a document that is malformed
     * or past a limit is returned with its problem, and the documents around it are still read.
     * Documents are split at {@code ---} lines, as YAML ends any scalar there.
     */
    public static List<Document> readDocuments(String text, int maxCodePoints, InputLimits limits) {
        var documents = new ArrayList<Document>();
        int index = 0;
        for (var chunk : split(text)) {
            if (documents.size() >= limits.maxListItems()) {
                documents.add(new Document(++index, chunk.line(), null, "the file holds more than "
                        + limits.maxListItems() + " documents; the rest were not read"));
                break;
            }
            var unbroken = longestUnbrokenRun(chunk.text());
            if (unbroken > limits.maxScalarLength()) {
                documents.add(new Document(++index, chunk.line(), null, String.format(Locale.ROOT,
                        "%,d characters without a space or line break, more than the %,d a value may have "
                                + "(minified JSON is read as JSON when the file is named .json)", unbroken, limits.maxScalarLength())));
                continue;
            }
            var document = readDocument(chunk, maxCodePoints, limits);
            if (document != null) {
                documents.add(new Document(++index, chunk.line(), document.root(), document.problem(), document.malformed()));
            }
        }
        return documents;
    }

    /**
     * SnakeYAML's reader copies its window for every kilobyte of a token it has not consumed yet, so
     * a long token without white space costs time quadratic in its length (a 15 MB quoted value took
     * minutes). Such a run is measured first, in one pass.
     */
    private static int longestUnbrokenRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                run = 0;
            } else if (++run > longest) {
                longest = run;
            }
        }
        return longest;
    }

    private static Document readDocument(Chunk chunk, int maxCodePoints, InputLimits limits) {
        var options = loaderOptions(maxCodePoints);
        var resolver = new TimestampsAsTextResolver();
        var yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, resolver);
        YamlTreeBuilder builder = null;
        try {
            for (var event : yaml.parse(new StringReader(chunk.text()))) {
                if (event.is(Event.ID.DocumentStart)) {
                    if (builder != null) {
                        return new Document(0, chunk.line(), null, "two documents without a --- line between them");
                    }
                    builder = new YamlTreeBuilder(limits, resolver, options);
                } else if (builder != null && !event.is(Event.ID.DocumentEnd) && !event.is(Event.ID.StreamEnd)) {
                    builder.accept(event);
                }
            }
        } catch (InputLimits.LimitExceeded e) {
            return new Document(0, chunk.line(), null, e.getMessage());
        } catch (MarkedYAMLException e) {
            return new Document(0, chunk.line(), null, describe(e, chunk.line()), true);
        } catch (YAMLException e) {
            return new Document(0, chunk.line(), null, describe(e), true);
        }
        if (builder == null || builder.root().isNull()) {
            return null;
        }
        return new Document(0, chunk.line(), builder.root(), null);
    }

    /**
     * One document of a stream: its root, or why it could not be read ({@code malformed}: not YAML at
     * all, rather than YAML past a limit); {@code line} is where it starts.
     */
    public record Document(int index, int line, JsonNode root, String problem, boolean malformed) {

        Document(int index, int line, JsonNode root, String problem) {
            this(index, line, root, problem, false);
        }
    }

    private record Chunk(String text, int line) {
    }

    private static List<Chunk> split(String text) {
        var chunks = new ArrayList<Chunk>();
        var current = new StringBuilder();
        int line = 1;
        int start = 1;
        var rows = text.split("\\n", -1);
        for (int i = 0; i < rows.length; i++) {
            if (DOCUMENT_START.matcher(rows[i]).lookingAt() && !current.isEmpty()) {
                chunks.add(new Chunk(current.toString(), start));
                current.setLength(0);
                start = line;
            }
            current.append(rows[i]);
            if (i < rows.length - 1) {
                current.append('\n');
            }
            line++;
        }
        chunks.add(new Chunk(current.toString(), start));
        return chunks;
    }

    private static String readText(Reader reader) {
        try {
            var text = new java.io.StringWriter();
            reader.transferTo(text);
            return text.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A single YAML document with the line of every key and list item, by JSON pointer
     * ({@code /sections/0/controls/2/rule}), so that validation can say where a mistake is.
     */
    public static Located readLocated(String text, int maxCodePoints) {
        var documents = readDocuments(text, maxCodePoints, InputLimits.MANIFESTS);
        if (documents.size() > 1) {
            throw new InvalidYamlException("expected one YAML document, found " + documents.size(), null, documents.get(1).line());
        }
        if (!documents.isEmpty() && documents.getFirst().problem() != null) {
            throw new InvalidYamlException(documents.getFirst().problem(), null, documents.getFirst().line());
        }
        try {
            var value = documents.isEmpty() ? null : documents.getFirst().root();
            var lines = new HashMap<String, Integer>();
            var node = yaml(maxCodePoints).compose(new StringReader(text));
            if (node != null) {
                lines.put("", node.getStartMark().getLine() + 1);
                recordLines(node, "", lines);
            }
            return new Located(value == null ? JSON.nullNode() : value, Map.copyOf(lines));
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
        var options = loaderOptions(maxCodePoints);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new TimestampsAsTextResolver());
    }

    private static LoaderOptions loaderOptions(int maxCodePoints) {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(maxCodePoints);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /** SnakeYAML's own words, with lines counted from the start of the file rather than of the document. */
    private static String describe(MarkedYAMLException e, int firstLine) {
        var text = new StringBuilder();
        if (e.getContext() != null) {
            text.append(e.getContext());
            if (e.getContextMark() != null) {
                text.append(" (line ").append(firstLine + e.getContextMark().getLine()).append(")");
            }
            text.append(": ");
        }
        text.append(e.getProblem() == null ? describe(e) : e.getProblem().replaceAll("\\s+", " ").trim());
        if (e.getProblemMark() != null) {
            text.append(" (line ").append(firstLine + e.getProblemMark().getLine()).append(")");
        }
        return text.toString();
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
