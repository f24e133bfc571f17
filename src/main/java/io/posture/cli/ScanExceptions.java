package io.posture.cli;

import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.ControlKey;
import io.posture.shared.SafeYaml;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A reviewed exceptions file for {@code posture scan --exceptions FILE}: each entry explains one
 * failing (benchmark, control, resource) with a reason, who reviewed it and when, and optionally
 * until when it holds. A failure it explains is EXCEPTED, not a failure; an expired entry explains
 * nothing. Every field is checked: a file with a wrong or missing one is refused whole.
 * <p>
 * An entry explains the problem its control detects, as exceptions do in the dashboard: one for CIS
 * Kubernetes 5.1.2 also explains NSA/CISA 3.2, which uses that control ({@link #byProblem}).
 */
record ScanExceptions(List<Entry> entries, UnaryOperator<ControlKey> problemOf) {

    private static final int MAX_BYTES = 1_000_000;
    private static final Set<String> FIELDS = Set.of("benchmark", "control", "resource", "reason", "reviewedBy", "reviewedOn",
            "expires");

    record Entry(String benchmark, String control, String resource, String reason, String reviewedBy, LocalDate reviewedOn,
                 LocalDate expires) {

        boolean explains(ControlKey problem, String resourceLabel, LocalDate today, UnaryOperator<ControlKey> problemOf) {
            return problemOf.apply(new ControlKey(benchmark, control)).equals(problem) && resource.equals(resourceLabel)
                    && (expires == null || !today.isAfter(expires));
        }

        String describe() {
            return benchmark + " " + control + " on " + resource;
        }
    }

    static ScanExceptions none() {
        return new ScanExceptions(List.of(), UnaryOperator.identity());
    }

    /** These exceptions, matched by the control that stands for each control's problem in the catalogue. */
    ScanExceptions byProblem(BenchmarkCatalog catalog) {
        return new ScanExceptions(entries, key -> catalog.control(key)
                .map(control -> catalog.problem(key.benchmarkId(), control).key()).orElse(key));
    }

    /** Reads the file; an IllegalArgumentException names the entry and field that is wrong. */
    static ScanExceptions read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES + " bytes");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = SafeYaml.readLocated(text, MAX_BYTES).root();
        } catch (SafeYaml.InvalidYamlException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + ": expected a list of exceptions");
        }
        var entries = new ArrayList<Entry>();
        for (int i = 0; i < root.size(); i++) {
            entries.add(entry(file + ", exception " + (i + 1), root.get(i)));
        }
        return new ScanExceptions(List.copyOf(entries), UnaryOperator.identity());
    }

    Optional<Entry> explaining(String benchmarkId, String controlId, String resourceLabel, LocalDate today) {
        var problem = problemOf.apply(new ControlKey(benchmarkId, controlId));
        return entries.stream().filter(entry -> entry.explains(problem, resourceLabel, today, problemOf)).findFirst();
    }

    private static Entry entry(String where, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping with benchmark, control, resource, reason, "
                    + "reviewedBy, reviewedOn");
        }
        for (var name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field '" + name + "'");
            }
        }
        var expires = node.has("expires") ? date(where, node, "expires") : null;
        return new Entry(text(where, node, "benchmark"), text(where, node, "control"), text(where, node, "resource"),
                text(where, node, "reason"), text(where, node, "reviewedBy"), date(where, node, "reviewedOn"), expires);
    }

    private static String text(String where, JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a non-empty text (quote ids like \"1.1\")");
        }
        return value.asString().trim();
    }

    private static LocalDate date(String where, JsonNode node, String field) {
        var value = text(where, node, field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a date like 2026-12-02, not '" + value + "'");
        }
    }
}
