package io.posture.scoring;

import io.posture.benchmark.ControlKey;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.benchmark.Severity;
import io.posture.inventory.WorkloadKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Read models of scores and control results. */
public final class ScoreViews {

    private ScoreViews() {
    }

    /**
     * A scope scores roll up to: the estate (all null), a cluster, a namespace of a cluster, or a
     * team (the namespaces labelled with it, across clusters).
     */
    public record ScoreScope(Long clusterId, String namespace, String team) {

        public static ScoreScope estate() {
            return new ScoreScope(null, null, null);
        }

        public static ScoreScope cluster(long clusterId) {
            return new ScoreScope(clusterId, null, null);
        }

        public static ScoreScope namespace(long clusterId, String namespace) {
            return new ScoreScope(clusterId, namespace, null);
        }

        public static ScoreScope team(String team) {
            return new ScoreScope(null, null, team);
        }
    }

    public record ClusterScore(long clusterId, String clusterName, String environment, String benchmarkId,
                               Double score, Double coverage, long passed, long failed, Double previousScore,
                               Instant evaluatedAt) {
    }

    /** A cluster's current score and coverage against one benchmark, as the metrics publish them. */
    public record CurrentScore(String clusterName, String benchmarkId, Double score, Double coverage) {
    }

    public record NamespaceScore(String namespace, String team, Double score, Double coverage, long passed,
                                 long failed) {
    }

    public record WorkloadScore(long workloadId, WorkloadKind kind, String name, Double score, long passed,
                                long failed, Severity worstFailure) {
    }

    /** A control and what it costs a scope: the points its failures take off the score, and some of them. */
    public record ControlRanking(String benchmarkId, String controlId, String title, Severity severity,
                                 long failingResources, double pointsLost, List<ResourceResult> examples) {
    }

    public record ControlResultView(String controlId, String sectionTitle, String title, Severity severity,
                                    ControlStatus status, List<Evidence> evidence, String rationale,
                                    String remediation) {
    }

    /** One result of a control on one resource, for the control page. */
    public record ResourceResult(Long clusterId, String namespace, Long workloadId, Long hostId, String kind, String name,
                                 ControlStatus status, List<Evidence> evidence) {
    }

    /** A score and its coverage, with the counts behind them. */
    public record ScoreFigure(Double score, Double coverage, long passed, long failed, long excepted, long unknown) {
    }

    /** A section of a benchmark in a scope: its score, and its controls' status counts. */
    public record SectionSummary(String sectionId, String title, ScoreFigure figure, List<ControlSummary> controls) {
    }

    public record ControlSummary(String controlId, String title, Severity severity, String source,
                                 Map<ControlStatus, Long> counts) {

        public long count(ControlStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    /** A point of a score trend. */
    public record TrendPoint(Instant at, Double score, Double coverage) {
    }

    /** A scope's snapshots over a period, oldest first. */
    public record Trend(Instant from, Instant to, List<TrendPoint> points) {
    }

    /** One row of the control × cluster heat map: failing share per cluster id (null where not evaluated). */
    public record HeatRow(String controlId, String title, Severity severity, Map<Long, Double> failingShare) {
    }

    /**
     * A failing (control, resource) pair, as findings are made from: once per problem even where several
     * enabled benchmarks detect it (see {@link io.posture.benchmark.BenchmarkCatalog#problem}), with
     * the control that stands for it. Cluster-scoped resources (roles, nodes, the cluster) have namespace "".
     */
    public record Failure(String kind, String namespace, String resourceName, String team, ControlKey control,
                          String controlTitle, Severity severity, String evidenceJson) {
    }
}
