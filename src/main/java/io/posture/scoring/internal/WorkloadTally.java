package io.posture.scoring.internal;

public record WorkloadTally(long workloadId, String kind, String name, long passedWeight, long evaluatedWeight,
                            long passed, long failed, long failedWeight) {
}
