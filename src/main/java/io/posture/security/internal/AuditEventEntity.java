package io.posture.security.internal;

import io.posture.security.AuditLog.AuditEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String actor;
    private String action;
    private String subject;
    @Column(name = "value_from")
    private String valueFrom;
    @Column(name = "value_to")
    private String valueTo;
    private String reason;

    protected AuditEventEntity() {
    }

    public AuditEventEntity(Instant occurredAt, String actor, String action, String subject, String valueFrom,
                            String valueTo, String reason) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.subject = subject;
        this.valueFrom = valueFrom;
        this.valueTo = valueTo;
        this.reason = reason;
    }

    public AuditEvent toView() {
        return new AuditEvent(id, occurredAt, actor, action, subject, valueFrom, valueTo, reason);
    }
}
