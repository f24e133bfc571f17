package io.posture.scoring.internal;

import io.posture.inventory.WorkloadKind;

public record WorkloadTally(long workloadId, WorkloadKind kind, String name, long passedWeight, long evaluatedWeight,
                            long passed, long failed, long failedWeight) {
}
