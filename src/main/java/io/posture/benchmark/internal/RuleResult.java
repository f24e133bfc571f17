package io.posture.benchmark.internal;

import io.posture.benchmark.Evidence;

import java.util.List;

/**
 * Violations found, or, when there are none, the evidence that the pod passes. {@code undecided}
 * names what the rule could not decide (an image never scanned, say): without violations, the
 * control is UNKNOWN rather than passing.
 */
public record RuleResult(List<Evidence> violations, Evidence passEvidence, List<Evidence> undecided) {

    public static RuleResult of(List<Evidence> violations, String checkedPath, String passValue) {
        return new RuleResult(List.copyOf(violations), new Evidence(checkedPath, passValue), List.of());
    }

    public static RuleResult pass(String checkedPath, String passValue) {
        return of(List.of(), checkedPath, passValue);
    }

    public RuleResult withUndecided(List<Evidence> undecided) {
        return new RuleResult(violations, passEvidence, List.copyOf(undecided));
    }

    public boolean passed() {
        return violations.isEmpty() && undecided.isEmpty();
    }

    public boolean decided() {
        return !violations.isEmpty() || undecided.isEmpty();
    }

    public List<Evidence> evidence() {
        return !violations.isEmpty() ? violations : !undecided.isEmpty() ? undecided : List.of(passEvidence);
    }
}
