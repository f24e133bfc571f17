package io.posture.benchmark;

/** Outcome of one control on one resource. */
public enum ControlStatus {
    PASS, FAIL, MANUAL, NOT_APPLICABLE, UNKNOWN;

    public boolean evaluated() {
        return this == PASS || this == FAIL;
    }
}
