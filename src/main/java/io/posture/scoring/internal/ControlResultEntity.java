package io.posture.scoring.internal;

import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * One control evaluated on one resource, with the evidence (JSON list of path/observed) that
 * decided it. The resource is a workload ({@code workloadId}), a node or Docker host
 * ({@code hostId}), or another object known by kind, namespace and name (a role, a namespace,
 * the cluster itself). Docker hosts belong to no cluster. Read here; written by {@link ResultWriter}.
 */
@Entity
@Immutable
@Table(name = "control_result")
public class ControlResultEntity {

    @Id
    private Long id;
    @Column(name = "cluster_id")
    private Long clusterId;
    private String namespace;
    private String team;
    @Column(name = "workload_id")
    private Long workloadId;
    @Column(name = "host_id")
    private Long hostId;
    @Column(name = "resource_kind")
    private String resourceKind;
    @Column(name = "resource_name")
    private String resourceName;
    @Column(name = "benchmark_id")
    private String benchmarkId;
    @Column(name = "section_id")
    private String sectionId;
    @Column(name = "policy_version")
    private String policyVersion;
    @Column(name = "control_id")
    private String controlId;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private int weight;
    @Enumerated(EnumType.STRING)
    private ControlStatus status;
    private String evidence;
    @Column(name = "evaluated_at")
    private Instant evaluatedAt;

    protected ControlResultEntity() {
    }

    public Long getClusterId() {
        return clusterId;
    }

    public String getNamespace() {
        return namespace;
    }

    public Long getWorkloadId() {
        return workloadId;
    }

    public Long getHostId() {
        return hostId;
    }

    public String getResourceKind() {
        return resourceKind;
    }

    public String getResourceName() {
        return resourceName;
    }

    public String getBenchmarkId() {
        return benchmarkId;
    }

    public String getControlId() {
        return controlId;
    }

    public ControlStatus getStatus() {
        return status;
    }

    public String getEvidence() {
        return evidence;
    }

    public String getTeam() {
        return team;
    }

    public String getSectionId() {
        return sectionId;
    }

    public String getPolicyVersion() {
        return policyVersion;
    }

    public Severity getSeverity() {
        return severity;
    }

    public Instant getEvaluatedAt() {
        return evaluatedAt;
    }
}
