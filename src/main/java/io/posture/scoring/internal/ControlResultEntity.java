package io.posture.scoring.internal;

import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Severity;
import io.posture.inventory.WorkloadKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One control evaluated on one workload, with the evidence (JSON list of path/observed) that decided it. */
@Entity
@Table(name = "control_result")
public class ControlResultEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "control_result_seq")
    @SequenceGenerator(name = "control_result_seq", sequenceName = "control_result_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cluster_id")
    private long clusterId;
    private String namespace;
    @Column(name = "workload_id")
    private long workloadId;
    @Enumerated(EnumType.STRING)
    @Column(name = "workload_kind")
    private WorkloadKind workloadKind;
    @Column(name = "workload_name")
    private String workloadName;
    @Column(name = "benchmark_id")
    private String benchmarkId;
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

    public ControlResultEntity(long clusterId, String namespace, long workloadId, WorkloadKind workloadKind,
                               String workloadName, String benchmarkId, String policyVersion, String controlId,
                               Severity severity, int weight, ControlStatus status, String evidence, Instant evaluatedAt) {
        this.clusterId = clusterId;
        this.namespace = namespace;
        this.workloadId = workloadId;
        this.workloadKind = workloadKind;
        this.workloadName = workloadName;
        this.benchmarkId = benchmarkId;
        this.policyVersion = policyVersion;
        this.controlId = controlId;
        this.severity = severity;
        this.weight = weight;
        this.status = status;
        this.evidence = evidence;
        this.evaluatedAt = evaluatedAt;
    }

    public long getWorkloadId() {
        return workloadId;
    }

    public WorkloadKind getWorkloadKind() {
        return workloadKind;
    }

    public String getWorkloadName() {
        return workloadName;
    }

    public String getNamespace() {
        return namespace;
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

}
