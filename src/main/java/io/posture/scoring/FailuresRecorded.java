package io.posture.scoring;

import java.util.List;

/**
 * Published once a page of an evaluation's results is stored, with that page's failing (control,
 * resource) pairs, in a transaction of its own (or the caller's, for an evaluation run inside one):
 * findings are brought in line page by page while the next pages are evaluated, instead of reading
 * every failure back once the whole cluster is written. {@code evaluation} numbers the evaluation;
 * {@link ClusterEvaluated} carries the same number at its end.
 */
public record FailuresRecorded(long clusterId, String clusterName, long evaluation, List<ScoreViews.Failure> failures) {
}
