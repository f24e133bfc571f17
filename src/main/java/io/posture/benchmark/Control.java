package io.posture.benchmark;

import java.util.List;
import java.util.Map;

/**
 * One control of a benchmark. It is decided by a {@code rule} on the inventory, by an imported
 * report (kube-bench, docker-bench) when it has no rule, or attested by a person when it is
 * {@code manual}. {@code since} is the policy version from which the control applies;
 * {@code overrides} names controls this one replaces wherever it applies (a stricter variant);
 * {@code aliases} gives its id in earlier versions of the benchmark ({@code v1.9 → 5.7.2});
 * {@code providerManaged} names the managed platforms (eks, gke, aks) that answer for it, with why;
 * {@code reference} is where the framework states it (a section of the guidance), when it says;
 * {@code attack} the MITRE ATT&CK for Containers techniques it guards against.
 */
public record Control(String id, String sectionId, String title, Severity severity, String rule,
                      Map<String, Object> parameters, boolean manual, PolicyVersion since, List<String> overrides,
                      Map<String, String> aliases, Map<String, String> providerManaged, String rationale,
                      String remediation, String reference, List<AttackTechnique> attack) {

    public enum Source { RULE, REPORT, MANUAL }

    public Source source() {
        if (manual) {
            return Source.MANUAL;
        }
        return rule != null ? Source.RULE : Source.REPORT;
    }

    /** Why a managed platform answers for this control, or null when the cluster's operator does. */
    public String managedBy(String provider) {
        return provider == null ? null : providerManaged.get(provider);
    }
}
