package io.posture.benchmark;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
