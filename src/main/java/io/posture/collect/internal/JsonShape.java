package io.posture.collect.internal;

import tools.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Type checks of a JSON tree against the shape an input format defines: each check adds a problem
 * naming the path and what was found instead ({@code Results is a string ('x'), expected a list}).
 * {@code null} and absent values are unset and pass; fields a shape does not name are not checked.
 */
public final class JsonShape {

    private static final int MAX_PROBLEMS = 5;

    public static final Check BOOL = scalar(JsonNode::isBoolean, "a boolean");
    public static final Check STRING = scalar(JsonNode::isString, "a string");
    public static final Check NUMBER = scalar(JsonNode::isNumber, "a number");
    public static final Check STRINGS = list(STRING);
    public static final Check STRING_MAP = map(STRING);

    private JsonShape() {
    }

    /** Checks a value at a path and adds what is wrong to {@code problems}. */
    @FunctionalInterface
    public interface Check {
        void check(JsonNode node, String path, List<String> problems);

        /** The first few problems of a whole document; empty when its shape is right. */
        default List<String> problems(JsonNode root) {
            var problems = new ArrayList<String>();
            check(root, "", problems);
            return problems.size() > MAX_PROBLEMS ? List.copyOf(problems.subList(0, MAX_PROBLEMS)) : List.copyOf(problems);
        }
    }

    public static Check scalar(Predicate<JsonNode> ok, String expected) {
        return (node, path, problems) -> {
            if (!unset(node) && !ok.test(node)) {
                problems.add(where(path) + " is " + describe(node) + ", expected " + expected);
            }
        };
    }

    /** A string of at most {@code max} characters. */
    public static Check text(int max) {
        return (node, path, problems) -> {
            STRING.check(node, path, problems);
            if (node.isString() && node.asString().length() > max) {
                problems.add(where(path) + " has " + node.asString().length() + " characters, more than the " + max + " allowed");
            }
        };
    }

    public static Check integer(BigInteger min, BigInteger max) {
        return (node, path, problems) -> {
            if (unset(node)) {
                return;
            }
            if (!node.isIntegralNumber()) {
                problems.add(where(path) + " is " + describe(node) + ", expected a whole number");
            } else if (node.bigIntegerValue().compareTo(min) < 0 || node.bigIntegerValue().compareTo(max) > 0) {
                problems.add(where(path) + " is " + abbreviate(node.bigIntegerValue().toString()) + ", outside " + min + " to " + max);
            }
        };
    }

    public static Check object(Map<String, Check> fields) {
        return (node, path, problems) -> {
            if (unset(node)) {
                return;
            }
            if (!node.isObject()) {
                problems.add(where(path) + " is " + describe(node) + ", expected an object");
                return;
            }
            fields.forEach((field, check) -> check.check(node.path(field), path.isEmpty() ? field : path + "." + field, problems));
        };
    }

    public static Check list(Check item) {
        return (node, path, problems) -> {
            if (unset(node)) {
                return;
            }
            if (!node.isArray()) {
                problems.add(where(path) + " is " + describe(node) + ", expected a list");
                return;
            }
            int index = 0;
            for (var element : node) {
                item.check(element, path + "[" + index++ + "]", problems);
                if (problems.size() > MAX_PROBLEMS) {
                    return;
                }
            }
        };
    }

    /** A value that some versions of a format write alone and others as a list of such values. */
    public static Check oneOrList(Check item) {
        var many = list(item);
        return (node, path, problems) -> (node.isArray() ? many : item).check(node, path, problems);
    }

    public static Check map(Check value) {
        return (node, path, problems) -> {
            if (unset(node)) {
                return;
            }
            if (!node.isObject()) {
                problems.add(where(path) + " is " + describe(node) + ", expected a map");
                return;
            }
            for (var entry : node.properties()) {
                value.check(entry.getValue(), path + "['" + abbreviate(entry.getKey()) + "']", problems);
            }
        };
    }

    private static boolean unset(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static String where(String path) {
        return path.isEmpty() ? "the document" : path;
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string ('" + abbreviate(node.asString()) + "')";
            case NUMBER -> "a number (" + abbreviate(node.asString()) + ")";
            case BOOLEAN -> "a boolean (" + node.asString() + ")";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
