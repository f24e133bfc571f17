package io.posture.scoring.internal;

public record ControlTally(String benchmarkId, String controlId, long failingResources, long pointsLost) {
}
