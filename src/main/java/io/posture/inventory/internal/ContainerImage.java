package io.posture.inventory.internal;

import io.posture.inventory.WorkloadKind;

/** A workload container and the image reference it is written with. */
public record ContainerImage(String namespace, WorkloadKind kind, String workloadName, String containerName, String image) {
}
