package io.posture.benchmark;

/** Outcome of one control on one resource. */
public enum ControlStatus {
    PASS, FAIL,
    /** Decided by a person: attested, not computed. */
    MANUAL,
    NOT_APPLICABLE,
    /** Could not be evaluated (object unreadable, report inconclusive): lowers coverage, never the score. */
    UNKNOWN,
    /** Failing, but covered by an approved exception: outside the score, counted as evaluated. */
    EXCEPTED,
    /** Answered for by the managed platform (EKS, GKE, AKS): outside the score, kept in the evidence. */
    PROVIDER_MANAGED
}
