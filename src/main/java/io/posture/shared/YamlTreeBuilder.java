package io.posture.shared;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one YAML document straight from the parser's events into a JSON tree, checking the
 * {@link InputLimits} on every event: nothing past a bound is ever built, an alias to a node
 * that contains it (a cycle) is refused, and an alias counts the values it repeats. Scalars are
 * typed as SnakeYAML's safe constructor types them; merge keys ({@code <<}) merge as YAML says.
 */
final class YamlTreeBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MERGE_KEY = "<<";

    private final InputLimits limits;
    private final Resolver resolver;
    private final Scalars scalars;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Set<String> openAnchors = new HashSet<>();
    private long values;
    private int collectionAliases;
    private JsonNode root;

    YamlTreeBuilder(InputLimits limits, Resolver resolver, LoaderOptions options) {
        this.limits = limits;
        this.resolver = resolver;
        this.scalars = new Scalars(options);
    }

    /** Takes the next event of the document. */
    void accept(Event event) {
        switch (event) {
            case ScalarEvent scalar -> add(scalar(scalar), scalar.getAnchor(), scalar.getValue(), scalar);
            case AliasEvent alias -> add(alias(alias.getAnchor()), null, null, alias);
            case MappingStartEvent mapping -> start(NODES.objectNode(), mapping);
            case SequenceStartEvent sequence -> start(NODES.arrayNode(), sequence);
            default -> {
                if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                    end();
                }
            }
        }
    }

    JsonNode root() {
        return root == null ? NODES.nullNode() : root;
    }

    private void start(JsonNode container, CollectionStartEvent event) {
        var tag = event.getTag();
        if (tag != null && !tag.equals("!") && !tag.equals(Tag.MAP.getValue()) && !tag.equals(Tag.SEQ.getValue())) {
            throw new InputLimits.LimitExceeded(where() + " has the tag " + tag + ", which Posture does not read");
        }
        if (open.size() >= limits.maxNesting()) {
            throw new InputLimits.LimitExceeded(where() + " is nested more than " + limits.maxNesting() + " levels deep");
        }
        count(1);
        var frame = new Frame(container, event.getAnchor(), values);
        if (frame.anchor != null) {
            openAnchors.add(frame.anchor);
        }
        open.push(frame);
    }

    private void end() {
        var frame = open.pop();
        if (frame.container instanceof ObjectNode object) {
            frame.merges.forEach(merged -> merged.properties().forEach(field -> {
                if (!object.has(field.getKey())) {
                    object.set(field.getKey(), field.getValue().deepCopy());
                }
            }));
        }
        if (frame.anchor != null) {
            openAnchors.remove(frame.anchor);
            anchors.put(frame.anchor, new Anchored(frame.container, values - frame.valuesBefore + 1));
        }
        place(frame.container);
    }

    private void add(JsonNode value, String anchor, String keyText, Event event) {
        if (anchor != null) {
            anchors.put(anchor, new Anchored(value, 1));
        }
        var parent = open.peek();
        if (parent != null && parent.container instanceof ObjectNode && parent.pendingKey == null) {
            // a mapping's key: only scalars, each once
            if (!(event instanceof ScalarEvent)) {
                throw new InputLimits.LimitExceeded(where() + " has a key that is not a plain value");
            }
            if (!parent.keys.add(keyText)) {
                throw new InputLimits.LimitExceeded(where() + " has the key '" + abbreviate(keyText) + "' twice");
            }
            limits.checkListItems(parent.keys.size(), where());
            parent.pendingKey = keyText;
            parent.mergeKey = MERGE_KEY.equals(keyText) && ((ScalarEvent) event).getImplicit().canOmitTagInPlainScalar();
            return;
        }
        place(value);
    }

    private void place(JsonNode value) {
        var parent = open.peek();
        if (parent == null) {
            root = value;
            return;
        }
        if (parent.container instanceof ArrayNode array) {
            limits.checkListItems(array.size() + 1, where());
            array.add(value);
        } else if (parent.container instanceof ObjectNode object) {
            if (parent.mergeKey) {
                merge(parent, value);
            } else {
                object.set(parent.pendingKey, value);
            }
            parent.pendingKey = null;
            parent.mergeKey = false;
        }
    }

    private void merge(Frame frame, JsonNode value) {
        if (value.isObject()) {
            frame.merges.add(value);
        } else if (value.isArray() && allObjects(value)) {
            value.forEach(frame.merges::add);
        } else {
            throw new InputLimits.LimitExceeded(where() + ": a merge key (<<) takes a map or a list of maps");
        }
    }

    private static boolean allObjects(JsonNode array) {
        for (var item : array) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }

    private JsonNode alias(String name) {
        if (openAnchors.contains(name)) {
            throw new InputLimits.LimitExceeded(where() + ": the alias *" + name + " refers to a node that contains it");
        }
        var anchored = anchors.get(name);
        if (anchored == null) {
            throw new InputLimits.LimitExceeded(where() + ": the alias *" + name + " names no anchor before it");
        }
        if (anchored.node.isContainer() && ++collectionAliases > limits.maxAliases()) {
            throw new InputLimits.LimitExceeded("more than " + limits.maxAliases()
                    + " aliases to lists or maps: refused as a possible YAML bomb");
        }
        count(anchored.values);
        return anchored.node.isContainer() ? anchored.node.deepCopy() : anchored.node;
    }

    private JsonNode scalar(ScalarEvent event) {
        var value = event.getValue();
        limits.checkScalar(value.length(), where());
        count(1);
        var tagText = event.getTag();
        var tag = tagText == null || tagText.equals("!")
                ? resolver.resolve(NodeId.scalar, value, event.getImplicit().canOmitTagInPlainScalar())
                : new Tag(tagText);
        var constructed = scalars.construct(new ScalarNode(tag, value, null, null, event.getScalarStyle()));
        return switch (constructed) {
            case null -> NODES.nullNode();
            case Boolean bool -> NODES.booleanNode(bool);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case BigInteger number -> NODES.numberNode(number);
            case Double number -> number.isNaN() || number.isInfinite() ? NODES.stringNode(value) : NODES.numberNode(number);
            case byte[] bytes -> NODES.stringNode(Base64.getEncoder().encodeToString(bytes));
            case String text -> NODES.stringNode(text);
            default -> NODES.stringNode(value);
        };
    }

    private void count(long added) {
        values += added;
        if (values > limits.maxValues()) {
            throw new InputLimits.LimitExceeded("the document holds more than "
                    + String.format(java.util.Locale.ROOT, "%,d", limits.maxValues()) + " values");
        }
    }

    /** Where the builder is, as a path like {@code spec.containers[3]}. */
    private String where() {
        var path = new StringBuilder();
        var outermostFirst = new ArrayList<>(open).reversed();
        for (var frame : outermostFirst) {
            if (frame.container instanceof ArrayNode array) {
                path.append('[').append(array.size()).append(']');
            } else if (frame.pendingKey != null) {
                path.append(path.isEmpty() ? "" : ".").append(abbreviate(frame.pendingKey));
            }
        }
        return path.isEmpty() ? "the document" : path.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private static final class Frame {
        final JsonNode container;
        final String anchor;
        final long valuesBefore;
        final Set<String> keys = new HashSet<>();
        final List<JsonNode> merges = new ArrayList<>();
        String pendingKey;
        boolean mergeKey;

        Frame(JsonNode container, String anchor, long valuesBefore) {
            this.container = container;
            this.anchor = anchor;
            this.valuesBefore = valuesBefore;
        }
    }

    private record Anchored(JsonNode node, long values) {
    }

    /** SnakeYAML's safe typing of scalars (ints in every base, YAML 1.1 booleans, binary), nothing else of it. */
    private static final class Scalars extends SafeConstructor {
        Scalars(LoaderOptions options) {
            super(options);
        }

        Object construct(ScalarNode node) {
            return getConstructor(node).construct(node);
        }
    }
}
