package io.posture.scoring.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The score of one scope (estate, cluster, namespace, team) for one benchmark, or one of its sections
 * ({@code sectionId} empty for the whole benchmark), at one evaluation; kept for trends.
 */
@Entity
@Table(name = "score_snapshot")
public class ScoreSnapshotEntity {

    public enum Scope { ESTATE, CLUSTER, NAMESPACE, TEAM }

    /** The key trends are read by: "estate", the cluster id, "clusterId/namespace", or the team name. */
    public static String scopeKey(Scope scope, Long clusterId, String namespace, String team) {
        return switch (scope) {
            case ESTATE -> "estate";
            case CLUSTER -> String.valueOf(clusterId);
            case NAMESPACE -> clusterId + "/" + namespace;
            case TEAM -> team;
        };
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "scope_type")
    private Scope scope;
    @Column(name = "cluster_id")
    private Long clusterId;
    private String namespace;
    private String team;
    @Column(name = "scope_key")
    private String scopeKey;
    @Column(name = "benchmark_id")
    private String benchmarkId;
    @Column(name = "section_id")
    private String sectionId;
    @Column(name = "formula_version")
    private String formulaVersion;
    private Double score;
    private Double coverage;
    private long passed;
    private long failed;
    private long excepted;
    @Column(name = "unknown_count")
    private long unknown;
    /** Null on snapshots taken before V17: only current ones were given their weights. */
    @Column(name = "passed_weight")
    private Long passedWeight;
    @Column(name = "evaluated_weight")
    private Long evaluatedWeight;
    @Column(name = "taken_at")
    private Instant takenAt;
    private boolean current;

    protected ScoreSnapshotEntity() {
    }

    public ScoreSnapshotEntity(Scope scope, Long clusterId, String namespace, String team, String benchmarkId,
                               String sectionId, String formulaVersion, Tally tally, Instant takenAt) {
        this.scope = scope;
        this.clusterId = clusterId;
        this.namespace = namespace;
        this.team = team;
        this.scopeKey = scopeKey(scope, clusterId, namespace, team);
        this.benchmarkId = benchmarkId;
        this.sectionId = sectionId;
        this.formulaVersion = formulaVersion;
        this.score = tally.score();
        this.coverage = tally.coverage();
        this.passed = tally.passed();
        this.failed = tally.failed();
        this.excepted = tally.excepted();
        this.unknown = tally.unknown();
        this.passedWeight = tally.passedWeight();
        this.evaluatedWeight = tally.evaluatedWeight();
        this.takenAt = takenAt;
        this.current = true;
    }

    public Long getClusterId() {
        return clusterId;
    }

    public String getNamespace() {
        return namespace;
    }

    public String getTeam() {
        return team;
    }

    public String getBenchmarkId() {
        return benchmarkId;
    }

    public Double getScore() {
        return score;
    }

    public Double getCoverage() {
        return coverage;
    }

    public long getPassed() {
        return passed;
    }

    public long getFailed() {
        return failed;
    }

    public Instant getTakenAt() {
        return takenAt;
    }
}
