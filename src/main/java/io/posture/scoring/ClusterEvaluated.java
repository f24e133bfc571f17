package io.posture.scoring;

import io.posture.collect.RunStatus;

/**
 * Published after a cluster's control results were replaced, every page of them announced by a
 * {@link FailuresRecorded} with the same {@code evaluation} number. {@code runStatus} is the status
 * of the collection run that triggered it: only after a COMPLETE run may anything be resolved.
 */
public record ClusterEvaluated(long clusterId, String clusterName, RunStatus runStatus, long evaluation) {
}
