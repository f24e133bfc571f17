package io.posture.scoring.internal;

import io.posture.inventory.WorkloadKind;

/** A failing or excepted result read as plain values: reading a whole cluster's failures must not fill the persistence context. */
public record FailingResult(long workloadId, WorkloadKind workloadKind, String namespace, String workloadName,
                            String benchmarkId, String controlId, String evidence) {
}
