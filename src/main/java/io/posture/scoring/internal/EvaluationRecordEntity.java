package io.posture.scoring.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One evaluation's results of a cluster (or of the Docker hosts, without a cluster), compressed. */
@Entity
@Table(name = "evaluation_record")
public class EvaluationRecordEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "cluster_id")
    private Long clusterId;
    @Column(name = "cluster_name")
    private String clusterName;
    @Column(name = "evaluated_at")
    private Instant evaluatedAt;
    @Column(name = "result_count")
    private int resultCount;
    private String results;
    private String inputs;

    protected EvaluationRecordEntity() {
    }

    public EvaluationRecordEntity(Long clusterId, String clusterName, Instant evaluatedAt, int resultCount, String results, String inputs) {
        this.inputs = inputs;
        this.clusterId = clusterId;
        this.clusterName = clusterName;
        // stored exactly (databases keep microseconds, and may round): never later than the moment it stands for
        this.evaluatedAt = evaluatedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.resultCount = resultCount;
        this.results = results;
    }

    public Long getClusterId() {
        return clusterId;
    }

    public String getClusterName() {
        return clusterName;
    }

    public Instant getEvaluatedAt() {
        return evaluatedAt;
    }

    public String getResults() {
        return results;
    }

    public String getInputs() {
        return inputs;
    }
}
