package io.posture.benchmark.internal;

import io.posture.benchmark.Evidence;

import java.util.List;

/** Violations found, or, when there are none, the evidence that the pod passes. */
public record RuleResult(List<Evidence> violations, Evidence passEvidence) {

    public static RuleResult of(List<Evidence> violations, String checkedPath, String passValue) {
        return new RuleResult(List.copyOf(violations), new Evidence(checkedPath, passValue));
    }

    public static RuleResult pass(String checkedPath, String passValue) {
        return of(List.of(), checkedPath, passValue);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    public List<Evidence> evidence() {
        return passed() ? List.of(passEvidence) : violations;
    }
}
