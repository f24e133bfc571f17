package io.posture.scoring.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A benchmark switched on or off for one cluster, overriding the configured default. */
@Entity
@Table(name = "cluster_benchmark")
@IdClass(ClusterBenchmarkEntity.Key.class)
public class ClusterBenchmarkEntity {

    public record Key(Long clusterId, String benchmarkId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "cluster_id")
    private Long clusterId;
    @Id
    @Column(name = "benchmark_id")
    private String benchmarkId;
    private boolean enabled;

    protected ClusterBenchmarkEntity() {
    }

    public ClusterBenchmarkEntity(long clusterId, String benchmarkId, boolean enabled) {
        this.clusterId = clusterId;
        this.benchmarkId = benchmarkId;
        this.enabled = enabled;
    }

    public String getBenchmarkId() {
        return benchmarkId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
