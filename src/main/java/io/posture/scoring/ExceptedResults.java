package io.posture.scoring;

import java.util.function.Predicate;

/**
 * Which failing (workload, control) pairs of a cluster are covered by an approved exception.
 * Scoring asks, the findings module answers (it owns the exceptions register), so scoring does
 * not depend on findings.
 */
public interface ExceptedResults {

    Predicate<FailingPair> forCluster(String clusterName);

    record FailingPair(String kind, String namespace, String workloadName, String controlId) {
    }
}
