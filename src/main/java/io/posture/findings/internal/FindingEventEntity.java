package io.posture.findings.internal;

import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.HistoryEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One status change of a finding; never changed once written. */
@Entity
@Immutable
@Table(name = "finding_event")
public class FindingEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "finding_id")
    private FindingEntity finding;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String actor;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private FindingStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private FindingStatus toStatus;
    private String note;

    protected FindingEventEntity() {
    }

    FindingEventEntity(FindingEntity finding, Instant occurredAt, String actor, FindingStatus fromStatus,
                       FindingStatus toStatus, String note) {
        this.finding = finding;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.note = note;
    }

    public HistoryEntry toView() {
        return new HistoryEntry(occurredAt, actor, fromStatus, toStatus, note);
    }
}
