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

/** The score of one scope (estate, cluster, namespace) for one benchmark at one evaluation; kept for trends. */
@Entity
@Table(name = "score_snapshot")
public class ScoreSnapshotEntity {

    public enum Scope { ESTATE, CLUSTER, NAMESPACE }

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
    @Column(name = "benchmark_id")
    private String benchmarkId;
    @Column(name = "formula_version")
    private String formulaVersion;
    private Double score;
    private Double coverage;
    private long passed;
    private long failed;
    @Column(name = "taken_at")
    private Instant takenAt;
    private boolean current;

    protected ScoreSnapshotEntity() {
    }

    public ScoreSnapshotEntity(Scope scope, Long clusterId, String namespace, String team, String benchmarkId,
                               String formulaVersion, Tally tally, Instant takenAt) {
        this.scope = scope;
        this.clusterId = clusterId;
        this.namespace = namespace;
        this.team = team;
        this.benchmarkId = benchmarkId;
        this.formulaVersion = formulaVersion;
        this.score = tally.score();
        this.coverage = tally.coverage();
        this.passed = tally.passed();
        this.failed = tally.failed();
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
