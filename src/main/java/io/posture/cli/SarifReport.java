package io.posture.cli;

import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Severity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scan as SARIF 2.1.0, the format GitHub and GitLab code scanning read: one run of the tool
 * "Posture", a rule per benchmark control ({@code pss-baseline/privileged}: ids repeat across
 * benchmarks) with its texts, and a result per failure on the file and line of the object's
 * document. An excepted failure is a result with an accepted external suppression and its reason,
 * so code scanning shows it closed rather than hiding it. Passes, unknowns and not-applicables are
 * not results in SARIF's sense. The output holds no time, so the same scan gives the same file.
 */
final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    static Map<String, Object> of(List<BenchmarkScan> scans) {
        var rules = new ArrayList<Map<String, Object>>();
        var ruleIndex = new LinkedHashMap<String, Integer>();
        var results = new ArrayList<Map<String, Object>>();
        for (var scan : scans) {
            var benchmark = scan.benchmark();
            benchmark.controls().forEach(control -> {
                var id = benchmark.id() + "/" + control.id();
                ruleIndex.put(id, rules.size());
                var rule = new LinkedHashMap<String, Object>();
                rule.put("id", id);
                rule.put("shortDescription", text(control.title()));
                if (control.rationale() != null) {
                    rule.put("fullDescription", text(control.rationale().strip()));
                }
                if (control.remediation() != null) {
                    rule.put("help", text(control.remediation().strip()));
                }
                rule.put("defaultConfiguration", Map.of("level", level(control.severity())));
                rule.put("properties", ordered("benchmark", benchmark.title(), "severity", control.severity().name(),
                        "security-severity", securitySeverity(control.severity()), "tags", List.of("security", benchmark.id())));
                rules.add(rule);
            });
            for (var result : scan.results()) {
                if (result.status() == ControlStatus.FAIL || result.status() == ControlStatus.EXCEPTED) {
                    results.add(result(benchmark.id() + "/" + result.control().id(), ruleIndex, result));
                }
            }
        }
        var driver = new LinkedHashMap<String, Object>();
        driver.put("name", "Posture");
        var version = SarifReport.class.getPackage().getImplementationVersion();
        if (version != null) {
            driver.put("version", version);
        }
        driver.put("rules", rules);
        var run = new LinkedHashMap<String, Object>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        var sarif = new LinkedHashMap<String, Object>();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", "2.1.0");
        sarif.put("runs", List.of(run));
        return sarif;
    }

    private static Map<String, Object> result(String ruleId, Map<String, Integer> ruleIndex, ScanResult result) {
        var json = new LinkedHashMap<String, Object>();
        json.put("ruleId", ruleId);
        json.put("ruleIndex", ruleIndex.get(ruleId));
        json.put("level", level(result.control().severity()));
        var evidence = result.evidence().isEmpty() ? "" : ": " + String.join("; ", result.evidence().stream().map(Object::toString).toList());
        json.put("message", text(result.control().title() + " on " + result.resourceLabel() + evidence));
        var location = new LinkedHashMap<String, Object>();
        if (result.file() != null) {
            var physical = new LinkedHashMap<String, Object>();
            physical.put("artifactLocation", Map.of("uri", uri(result.file())));
            if (result.line() > 0) {
                physical.put("region", Map.of("startLine", result.line()));
            }
            location.put("physicalLocation", physical);
        }
        location.put("logicalLocations", List.of(ordered("fullyQualifiedName", result.resourceLabel(), "kind", "object")));
        json.put("locations", List.of(location));
        if (result.exception() != null) {
            json.put("suppressions", List.of(ordered("kind", "external", "status", "accepted", "justification",
                    result.exception().reason() + " (reviewed by " + result.exception().reviewedBy() + " on "
                            + result.exception().reviewedOn() + ")")));
        }
        return json;
    }

    /** A map in the order given: the same scan gives the same file, byte for byte. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, String> text(String text) {
        return Map.of("text", text);
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    /** GitHub's scale (0.1–10) for sorting security alerts: critical above 9, high 7 to 8.9, medium 4 to 6.9. */
    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
        };
    }

    /** A file as a relative URI reference, as code scanning matches it against the repository (spaces escaped, / separators). */
    private static String uri(String file) {
        try {
            return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the file name " + file + " cannot be written as a URI", e);
        }
    }
}
