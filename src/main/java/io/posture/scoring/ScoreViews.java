package io.posture.scoring;

import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.benchmark.Severity;
import io.posture.inventory.WorkloadKind;

import java.time.Instant;
import java.util.List;

/** Read models of scores and control results. */
public final class ScoreViews {

    private ScoreViews() {
    }

    public record ClusterScore(long clusterId, String clusterName, String environment, String benchmarkId,
                               Double score, Double coverage, long passed, long failed, Double previousScore,
                               Instant evaluatedAt) {
    }

    public record NamespaceScore(String namespace, String team, Double score, Double coverage, long passed,
                                 long failed) {
    }

    public record WorkloadScore(long workloadId, WorkloadKind kind, String name, Double score, long passed,
                                long failed, Severity worstFailure) {
    }

    public record ControlRanking(String benchmarkId, String controlId, String title, Severity severity,
                                 long failingResources, long pointsLost) {
    }

    public record ControlResultView(String controlId, String sectionTitle, String title, Severity severity,
                                    ControlStatus status, List<Evidence> evidence, String rationale,
                                    String remediation) {
    }

    /** A failing (control, workload) pair, as findings are made from. */
    public record Failure(long workloadId, WorkloadKind kind, String namespace, String workloadName, String controlId,
                          String controlTitle, Severity severity, List<Evidence> evidence) {
    }
}
