package io.posture.benchmark.internal;

import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkDefinitionException;
import io.posture.benchmark.BenchmarkDefinitionException.Problem;
import io.posture.benchmark.Control;
import io.posture.benchmark.PolicyVersion;
import io.posture.benchmark.Section;
import io.posture.benchmark.Severity;
import io.posture.benchmark.AttackTechnique;
import io.posture.shared.SafeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads benchmark definitions, built-in or uploaded, with one strict reader: unknown keys, missing
 * fields, unknown rules and bad parameters are reported with their line. A file may
 * {@code extends} another benchmark (its sections come first: Restricted is Baseline plus its own
 * section) and a control may {@code use} a control of another benchmark, taking its rule,
 * parameters, rationale and remediation unless it gives its own.
 */
public final class CatalogLoader {

    static final List<String> BUILT_IN = List.of("benchmarks/pss-baseline.yaml", "benchmarks/pss-restricted.yaml",
            "benchmarks/cis-kubernetes.yaml", "benchmarks/cis-docker.yaml", "benchmarks/image-trust.yaml",
            "benchmarks/nsa-cisa.yaml");
    public static final int MAX_DEFINITION_SIZE = 1_000_000;
    private static final PolicyVersion DEFAULT_SINCE = PolicyVersion.of(1, 0);
    private static final Pattern BENCHMARK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Set<String> BENCHMARK_KEYS = Set.of("id", "title", "description", "edition", "extends",
            "latestPolicyVersion", "reportTool", "sections");
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "controls");
    private static final Set<String> CONTROL_KEYS = Set.of("id", "title", "severity", "rule", "use", "parameters",
            "manual", "since", "overrides", "aliases", "providerManaged", "rationale", "remediation", "reference", "attack");
    private static final Set<String> REPORT_TOOLS = Set.of("kube-bench", "docker-bench");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CatalogLoader() {
    }

    public static List<Benchmark> loadBuiltIn() {
        var known = new LinkedHashMap<String, Benchmark>();
        for (var resource : BUILT_IN) {
            try {
                var benchmark = parse(read(resource), known::get, false);
                known.put(benchmark.id(), benchmark);
            } catch (BenchmarkDefinitionException e) {
                throw new IllegalStateException(resource + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(known.values());
    }

    /**
     * A benchmark a user wrote. It may extend or use controls of the benchmarks {@code known}
     * returns; it must pick its controls from the built-in rules and may not replace a built-in id.
     */
    public static Benchmark parseCustom(String yaml, Function<String, Benchmark> known) {
        return parse(yaml, known, true);
    }

    private static Benchmark parse(String yaml, Function<String, Benchmark> known, boolean custom) {
        SafeYaml.Located document;
        try {
            document = SafeYaml.readLocated(yaml, MAX_DEFINITION_SIZE);
        } catch (SafeYaml.InvalidYamlException e) {
            throw new BenchmarkDefinitionException(List.of(new Problem(Math.max(1, e.line()), "not valid YAML: " + e.getMessage())));
        }
        var reader = new DefinitionReader(document, known, custom);
        var benchmark = reader.benchmark();
        if (!reader.problems.isEmpty()) {
            throw new BenchmarkDefinitionException(reader.problems);
        }
        return benchmark;
    }

    private static String read(String resource) {
        try (var stream = Objects.requireNonNull(CatalogLoader.class.getClassLoader().getResourceAsStream(resource),
                resource + " missing from the classpath")) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks one document, collecting every problem rather than stopping at the first. */
    private static final class DefinitionReader {

        private final SafeYaml.Located document;
        private final Function<String, Benchmark> known;
        private final boolean custom;
        private final List<Problem> problems = new ArrayList<>();

        DefinitionReader(SafeYaml.Located document, Function<String, Benchmark> known, boolean custom) {
            this.document = document;
            this.known = known;
            this.custom = custom;
        }

        Benchmark benchmark() {
            var root = document.root();
            if (!root.isObject()) {
                problem("", "a benchmark must be a mapping with id, title and sections");
                return null;
            }
            checkKeys(root, "", BENCHMARK_KEYS);
            var id = required(root, "", "id");
            if (id != null && !BENCHMARK_ID.matcher(id).matches()) {
                problem("/id", "id '" + id + "' must be 2–64 lower-case letters, digits and dashes");
            } else if (id != null && custom && isBuiltIn(known.apply(id))) {
                problem("/id", "id '" + id + "' is a built-in benchmark; choose another id");
            }
            var title = required(root, "", "title");
            var parentId = optional(root, "extends");
            var parent = parentId == null ? null : known.apply(parentId);
            if (parentId != null && parent == null) {
                problem("/extends", "extends unknown benchmark '" + parentId + "'");
            }
            var reportTool = optional(root, "reportTool");
            if (reportTool != null && !REPORT_TOOLS.contains(reportTool)) {
                problem("/reportTool", "reportTool must be one of " + String.join(", ", REPORT_TOOLS));
            }
            var latest = version(root, "", "latestPolicyVersion");
            if (latest == null) {
                latest = parent != null ? parent.latestVersion() : PolicyVersion.parse("v1.37");
            }
            var sections = new ArrayList<Section>(parent == null ? List.of() : parent.sections());
            var controlIds = new HashSet<String>();
            sections.forEach(section -> section.controls().forEach(control -> controlIds.add(control.id())));
            var sectionNodes = root.path("sections");
            if (!sectionNodes.isArray() || sectionNodes.isEmpty()) {
                problem(sectionNodes.isMissingNode() ? "" : "/sections", "sections must be a non-empty list");
            } else {
                for (int index = 0; index < sectionNodes.size(); index++) {
                    var section = section(sectionNodes.get(index), "/sections/" + index, controlIds, reportTool);
                    if (section != null) {
                        sections.add(section);
                    }
                }
            }
            var description = optional(root, "description");
            var edition = optional(root, "edition");
            return new Benchmark(id, title, description == null ? "" : description.trim(), edition, latest, reportTool,
                    custom, List.copyOf(sections));
        }

        private static boolean isBuiltIn(Benchmark benchmark) {
            return benchmark != null && !benchmark.custom();
        }

        private Section section(JsonNode node, String pointer, Set<String> controlIds, String reportTool) {
            if (!node.isObject()) {
                problem(pointer, "a section must be a mapping with id, title and controls");
                return null;
            }
            checkKeys(node, pointer, SECTION_KEYS);
            var id = required(node, pointer, "id");
            var title = required(node, pointer, "title");
            var controlNodes = node.path("controls");
            var controls = new ArrayList<Control>();
            if (!controlNodes.isArray() || controlNodes.isEmpty()) {
                problem(pointer + (controlNodes.isMissingNode() ? "" : "/controls"), "controls must be a non-empty list");
            } else {
                for (int index = 0; index < controlNodes.size(); index++) {
                    var control = control(controlNodes.get(index), pointer + "/controls/" + index, id, controlIds, reportTool);
                    if (control != null) {
                        controls.add(control);
                    }
                }
            }
            return new Section(id, title, List.copyOf(controls));
        }

        private Control control(JsonNode node, String pointer, String sectionId, Set<String> controlIds, String reportTool) {
            if (!node.isObject()) {
                problem(pointer, "a control must be a mapping with id, title, severity and a rule");
                return null;
            }
            checkKeys(node, pointer, CONTROL_KEYS);
            var id = required(node, pointer, "id");
            if (id != null && !controlIds.add(id)) {
                problem(pointer + "/id", "control id '" + id + "' is used twice");
            }
            var used = used(node, pointer);
            var title = optional(node, "title") != null || used == null ? required(node, pointer, "title") : used.title();
            var severity = severity(node, pointer, used);
            var manual = node.path("manual").asBoolean(false);
            var rule = optional(node, "rule") != null ? optional(node, "rule") : used == null ? null : used.rule();
            Map<String, Object> parameters = node.has("parameters") ? parameters(node, pointer)
                    : used == null ? Map.of() : used.parameters();
            if (manual && rule != null) {
                problem(pointer, "a manual control has no rule");
            } else if (!manual && rule == null && reportTool == null) {
                problem(pointer, "needs a rule (one of: " + String.join(", ", RuleRegistry.ids()) + "), a use, or manual: true");
            } else if (rule != null) {
                checkRule(rule, parameters, pointer + (node.has("rule") ? "/rule" : "/use"));
            }
            var rationale = text(node, "rationale", used == null ? null : used.rationale());
            var remediation = text(node, "remediation", used == null ? null : used.remediation());
            if (custom && rationale == null) {
                problem(pointer, "needs a rationale (or a use of a built-in control)");
            }
            var since = version(node, pointer, "since");
            return new Control(id, sectionId, title, severity, rule, parameters, manual,
                    since != null ? since : used != null ? used.since() : DEFAULT_SINCE,
                    strings(node, "overrides"), stringMap(node, pointer, "aliases"), stringMap(node, pointer, "providerManaged"),
                    rationale == null ? "" : rationale, remediation == null ? "" : remediation, optional(node, "reference"),
                    attack(node, pointer, rule, used));
        }

        /** The control's own techniques, else those of the control it uses, else its rule's. */
        private List<AttackTechnique> attack(JsonNode node, String pointer, String rule, Control used) {
            if (!node.has("attack")) {
                return used != null ? used.attack() : AttackMapping.BUILT_IN.ofRule(rule);
            }
            if (!node.path("attack").isArray()) {
                problem(pointer + "/attack", "attack must be a list of ATT&CK technique ids, e.g. [T1611]");
                return List.of();
            }
            var techniques = new ArrayList<AttackTechnique>();
            for (var id : strings(node, "attack")) {
                AttackMapping.BUILT_IN.technique(id).ifPresentOrElse(techniques::add,
                        () -> problem(pointer + "/attack", "'" + id + "' is not an ATT&CK for Containers technique Posture knows"));
            }
            return List.copyOf(techniques);
        }

        private Control used(JsonNode node, String pointer) {
            var reference = optional(node, "use");
            if (reference == null) {
                return null;
            }
            var slash = reference.indexOf('/');
            var benchmark = slash < 0 ? null : known.apply(reference.substring(0, slash));
            var control = benchmark == null ? null : benchmark.control(reference.substring(slash + 1)).orElse(null);
            if (control == null) {
                problem(pointer + "/use", "use '" + reference + "' names no known control (write benchmark/control, e.g. pss-restricted/runAsNonRoot)");
            } else if (control.rule() == null) {
                problem(pointer + "/use", "'" + reference + "' is decided by a report or a person, not by a rule");
                return null;
            }
            return control;
        }

        private Severity severity(JsonNode node, String pointer, Control used) {
            var text = optional(node, "severity");
            if (text == null && used != null) {
                return used.severity();
            }
            if (text == null) {
                problem(pointer, "missing 'severity' (low, medium, high or critical)");
                return Severity.MEDIUM;
            }
            try {
                return Severity.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(pointer + "/severity", "severity '" + text + "' is not one of low, medium, high, critical");
                return Severity.MEDIUM;
            }
        }

        private void checkRule(String rule, Map<String, Object> parameters, String pointer) {
            try {
                if (RuleRegistry.scopeOf(rule) == RuleRegistry.Scope.POD) {
                    RuleRegistry.podRule(rule, parameters);
                } else if (!parameters.isEmpty()) {
                    problem(pointer, "rule '" + rule + "' takes no parameters");
                }
            } catch (java.util.NoSuchElementException e) {
                problem(pointer, "unknown rule '" + rule + "'; known rules: " + String.join(", ", RuleRegistry.ids()));
            } catch (IllegalArgumentException e) {
                problem(pointer, "rule '" + rule + "' " + e.getMessage());
            }
        }

        private Map<String, Object> parameters(JsonNode node, String pointer) {
            var parameters = node.path("parameters");
            if (!parameters.isObject()) {
                problem(pointer + "/parameters", "parameters must be a mapping");
                return Map.of();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = JSON.treeToValue(parameters, Map.class);
            return Map.copyOf(values);
        }

        private PolicyVersion version(JsonNode node, String pointer, String field) {
            var text = optional(node, field);
            if (text == null) {
                return null;
            }
            try {
                return PolicyVersion.parse(text);
            } catch (IllegalArgumentException e) {
                problem(pointer + "/" + field, e.getMessage());
                return null;
            }
        }

        private Map<String, String> stringMap(JsonNode node, String pointer, String field) {
            var value = node.path(field);
            if (value.isMissingNode()) {
                return Map.of();
            }
            if (!value.isObject()) {
                problem(pointer + "/" + field, field + " must be a mapping");
                return Map.of();
            }
            var result = new LinkedHashMap<String, String>();
            value.properties().forEach(entry -> result.put(entry.getKey(), entry.getValue().asString().trim()));
            return Map.copyOf(result);
        }

        private static List<String> strings(JsonNode node, String field) {
            var result = new ArrayList<String>();
            node.path(field).forEach(value -> result.add(value.asString()));
            return List.copyOf(result);
        }

        private String text(JsonNode node, String field, String fallback) {
            var value = optional(node, field);
            return value != null ? value.trim() : fallback;
        }

        private static String optional(JsonNode node, String field) {
            var value = node.path(field);
            return value.isValueNode() && !value.isNull() && !value.asString().isBlank() ? value.asString() : null;
        }

        private String required(JsonNode node, String pointer, String field) {
            var value = optional(node, field);
            if (value == null) {
                problem(node.has(field) ? pointer + "/" + field : pointer, "missing '" + field + "'");
            }
            return value;
        }

        private void checkKeys(JsonNode node, String pointer, Set<String> allowed) {
            node.propertyNames().forEach(key -> {
                if (!allowed.contains(key)) {
                    problem(pointer + "/" + key, "unknown key '" + key + "' (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            });
        }

        private void problem(String pointer, String message) {
            problems.add(new Problem(document.lineOf(pointer), message));
        }
    }
}
