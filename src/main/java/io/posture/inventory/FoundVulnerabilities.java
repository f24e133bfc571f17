package io.posture.inventory;

import io.posture.inventory.ImageViews.FixState;
import io.posture.inventory.ImageViews.Vulnerability;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/** What one scan found: each (vulnerability, package) once, with the worst severity reported for it. */
record FoundVulnerabilities(Collection<Vulnerability> unique) {

    private static final List<String> SEVERITY_ORDER = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN");

    static FoundVulnerabilities of(List<Vulnerability> reported) {
        var unique = new LinkedHashMap<String, Vulnerability>();
        for (var vulnerability : reported) {
            unique.merge(vulnerability.id() + "\u0000" + vulnerability.packageName(), vulnerability, FoundVulnerabilities::worse);
        }
        return new FoundVulnerabilities(List.copyOf(unique.values()));
    }

    int count(String severity, boolean fixableOnly) {
        return (int) unique.stream().filter(v -> v.severity().equals(severity) && (!fixableOnly || v.fixState() == FixState.FIXED)).count();
    }

    int fixable() {
        return (int) unique.stream().filter(v -> v.fixState() == FixState.FIXED).count();
    }

    private static Vulnerability worse(Vulnerability first, Vulnerability second) {
        return SEVERITY_ORDER.indexOf(first.severity()) <= SEVERITY_ORDER.indexOf(second.severity()) ? first : second;
    }
}
