package io.posture.findings.internal;

import io.posture.benchmark.ControlKey;
import io.posture.benchmark.Severity;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingSummary;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "finding")
public class FindingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String fingerprint;
    @Column(name = "cluster_id")
    private long clusterId;
    @Column(name = "cluster_name")
    private String clusterName;
    private String namespace;
    private String team;
    @Column(name = "workload_kind")
    private String workloadKind;
    @Column(name = "workload_name")
    private String workloadName;
    @Column(name = "benchmark_id")
    private String benchmarkId;
    @Column(name = "control_id")
    private String controlId;
    @Column(name = "control_title")
    private String controlTitle;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    /** Severity as a number, so that the browser can sort by it. */
    @Column(name = "severity_rank")
    private int severityRank;
    @Enumerated(EnumType.STRING)
    private FindingStatus status;
    private String evidence;
    @Column(name = "first_seen")
    private Instant firstSeen;
    @Column(name = "last_seen")
    private Instant lastSeen;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    /** The active exception that put this finding into RISK_ACCEPTED or FALSE_POSITIVE. */
    @Column(name = "exception_id")
    private Long exceptionId;
    private String assignee;

    @OneToMany(mappedBy = "finding", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<FindingEventEntity> history = new ArrayList<>();

    protected FindingEntity() {
    }

    /** Records that the failure was seen (again) in an evaluation. */
    public void seen(String controlTitle, Severity severity, String team, String evidence, Instant at) {
        this.controlTitle = controlTitle;
        this.severity = severity;
        this.severityRank = severity.ordinal();
        this.team = team;
        this.evidence = evidence;
        if (firstSeen == null) {
            firstSeen = at;
        }
        lastSeen = at;
    }

    /** Moves to a new status and writes the history entry (the audit trail of this finding). */
    public void changeStatus(FindingStatus to, String actor, String note, Instant at) {
        history.add(new FindingEventEntity(this, at, actor, status, to, note));
        status = to;
        resolvedAt = to == FindingStatus.RESOLVED ? at : null;
    }

    public String getAssignee() {
        return assignee;
    }

    public void assign(String assignee) {
        this.assignee = assignee;
    }

    public Long getId() {
        return id;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public FindingStatus getStatus() {
        return status;
    }

    public String getClusterName() {
        return clusterName;
    }

    public String getNamespace() {
        return namespace;
    }

    /** Puts an active finding under an exception (or takes it out with null). */
    public void setException(Long exceptionId) {
        this.exceptionId = exceptionId;
    }

    public String getControlId() {
        return controlId;
    }

    /** The control that stands for this finding's problem, by its global identity. */
    public ControlKey getControl() {
        return new ControlKey(benchmarkId, controlId);
    }

    public String getEvidence() {
        return evidence;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public List<FindingEventEntity> getHistory() {
        return history;
    }

    public String describe() {
        return getControl() + " on " + workloadKind + " " + clusterName + "/" + namespace + "/" + workloadName;
    }

    public FindingSummary toSummary() {
        return new FindingSummary(id, clusterName, namespace, team, workloadKind, workloadName, benchmarkId, controlId, controlTitle,
                severity, status, assignee, firstSeen, lastSeen);
    }
}
