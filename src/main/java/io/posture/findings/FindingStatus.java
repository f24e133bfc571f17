package io.posture.findings;

public enum FindingStatus {
    OPEN, IN_PROGRESS, RESOLVED, RISK_ACCEPTED, FALSE_POSITIVE;

    /** Still counts as work to do. */
    public boolean active() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
