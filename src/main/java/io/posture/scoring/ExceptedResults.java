package io.posture.scoring;

import io.posture.benchmark.ControlKey;

import java.util.function.Predicate;

/**
 * Which failing (workload, control) pairs of a cluster are covered by an approved exception.
 * Scoring asks, the findings module answers (it owns the exceptions register), so scoring does
 * not depend on findings.
 */
public interface ExceptedResults {

    Predicate<FailingPair> forCluster(String clusterName);

    /** A failing resource and the control that stands for its problem (see {@code BenchmarkCatalog.problem}). */
    record FailingPair(String kind, String namespace, String workloadName, ControlKey control) {
    }
}
