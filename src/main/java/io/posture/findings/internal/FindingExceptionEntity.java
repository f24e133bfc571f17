package io.posture.findings.internal;

import io.posture.benchmark.ControlKey;
import io.posture.findings.ExceptionViews.ExceptionSummary;
import io.posture.findings.ExceptionViews.Kind;
import io.posture.findings.ExceptionViews.Scope;
import io.posture.findings.ExceptionViews.State;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "finding_exception")
public class FindingExceptionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private Scope scope;
    @Column(name = "cluster_name")
    private String clusterName;
    private String namespace;
    @Column(name = "benchmark_id")
    private String benchmarkId;
    @Column(name = "control_id")
    private String controlId;
    @Column(name = "finding_id")
    private Long findingId;
    private String justification;
    @Column(name = "expires_on")
    private LocalDate expiresOn;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected FindingExceptionEntity() {
    }

    public FindingExceptionEntity(Kind kind, Scope scope, FindingEntity finding, String justification, LocalDate expiresOn,
                                  String requestedBy, Instant requestedAt) {
        this.kind = kind;
        this.scope = scope;
        this.clusterName = finding.getClusterName();
        this.namespace = scope == Scope.CONTROL_IN_CLUSTER ? null : finding.getNamespace();
        this.benchmarkId = finding.getControl().benchmarkId();
        this.controlId = finding.getControlId();
        this.findingId = scope == Scope.FINDING ? finding.getId() : null;
        this.justification = justification;
        this.expiresOn = expiresOn;
        this.state = State.PENDING;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    /** Whether this exception covers a finding, whatever its state. */
    public boolean covers(FindingEntity finding) {
        return switch (scope) {
            case FINDING -> finding.getId().equals(findingId);
            case CONTROL_IN_NAMESPACE -> finding.getControl().equals(control()) && finding.getClusterName().equals(clusterName)
                    && finding.getNamespace().equals(namespace);
            case CONTROL_IN_CLUSTER -> finding.getControl().equals(control()) && finding.getClusterName().equals(clusterName);
        };
    }

    public void decide(State decision, String decider, Instant at) {
        this.state = decision;
        this.decidedBy = decider;
        this.decidedAt = at;
    }

    public void expire() {
        this.state = State.EXPIRED;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public State getState() {
        return state;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getClusterName() {
        return clusterName;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public String describe() {
        return "exception " + id + " (" + kind.name().toLowerCase().replace('_', ' ') + ")";
    }

    private ControlKey control() {
        return new ControlKey(benchmarkId, controlId);
    }

    public ExceptionSummary toSummary(long findingsCovered) {
        return new ExceptionSummary(id, kind, scope, clusterName, namespace, benchmarkId, controlId, findingId, justification, expiresOn,
                state, requestedBy, requestedAt, decidedBy, decidedAt, findingsCovered);
    }
}
