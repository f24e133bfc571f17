package io.posture.collect;

/** Published when a collection run ends; a COMPLETE run is the only one that may retire what it did not see. */
public record CollectionRunCompleted(long runId, long clusterId, String clusterName, RunStatus status) {
}
