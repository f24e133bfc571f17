package io.posture.benchmark;

/** Outcome of one control on one resource. */
public enum ControlStatus {
    PASS, FAIL, MANUAL, NOT_APPLICABLE, UNKNOWN,
    /** Failing, but covered by an approved exception: outside the score, counted as evaluated. */
    EXCEPTED
}
