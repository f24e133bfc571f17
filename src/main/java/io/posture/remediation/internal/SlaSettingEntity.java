package io.posture.remediation.internal;

import io.posture.benchmark.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "remediation_sla")
public class SlaSettingEntity {

    @Id
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private int days;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SlaSettingEntity() {
    }

    public SlaSettingEntity(Severity severity, int days, String by, Instant at) {
        this.severity = severity;
        set(days, by, at);
    }

    public Severity getSeverity() {
        return severity;
    }

    public int getDays() {
        return days;
    }

    public void set(int days, String by, Instant at) {
        this.days = days;
        this.updatedBy = by;
        this.updatedAt = at;
    }
}
