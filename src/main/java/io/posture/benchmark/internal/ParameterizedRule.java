package io.posture.benchmark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A rule that a benchmark configures, such as the registries images may come from. */
record ParameterizedRule(List<String> parameterNames, Function<Map<String, Object>, Rule> binder) {

    Rule bind(Map<String, Object> parameters) {
        for (var name : parameterNames) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("needs parameter '" + name + "'");
            }
        }
        for (var name : parameters.keySet()) {
            if (!parameterNames.contains(name)) {
                throw new IllegalArgumentException("has no parameter '" + name + "' (it takes " + String.join(", ", parameterNames) + ")");
            }
        }
        return binder.apply(parameters);
    }

    static List<String> strings(Map<String, Object> parameters, String name) {
        if (!(parameters.get(name) instanceof List<?> values) || values.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a non-empty list");
        }
        var result = new ArrayList<String>();
        for (var value : values) {
            if (!(value instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException("parameter '" + name + "' must list non-empty texts");
            }
            result.add(text.trim());
        }
        return List.copyOf(result);
    }

    static int positiveInteger(Map<String, Object> parameters, String name) {
        if (!(parameters.get(name) instanceof Integer value) || value < 1) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a whole number of at least 1");
        }
        return value;
    }
}
