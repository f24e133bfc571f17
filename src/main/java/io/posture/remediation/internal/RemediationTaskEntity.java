package io.posture.remediation.internal;

import io.posture.benchmark.Severity;
import io.posture.remediation.TaskViews.TaskStatus;
import io.posture.remediation.TaskViews.TaskSummary;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** A remediation task; its findings are referenced by id, as the findings module owns them. */
@Entity
@Table(name = "remediation_task")
public class RemediationTaskEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    private String description;
    private String assignee;
    private String team;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    @Column(name = "due_on")
    private LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    private TaskStatus status;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    @ElementCollection
    @CollectionTable(name = "remediation_task_finding", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "finding_id")
    private Set<Long> findingIds = new LinkedHashSet<>();

    protected RemediationTaskEntity() {
    }

    public RemediationTaskEntity(String title, String description, String team, Severity severity, LocalDate dueOn,
                                 Set<Long> findingIds, String createdBy, Instant createdAt) {
        this.title = title;
        this.description = description;
        this.team = team;
        this.severity = severity;
        this.dueOn = dueOn;
        this.findingIds.addAll(findingIds);
        this.status = TaskStatus.OPEN;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getAssignee() {
        return assignee;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public Set<Long> getFindingIds() {
        return findingIds;
    }

    public void assign(String assignee) {
        this.assignee = assignee;
    }

    public void moveTo(TaskStatus newStatus, Instant at) {
        this.status = newStatus;
        this.closedAt = newStatus == TaskStatus.DONE ? at : null;
    }

    public TaskSummary toSummary(LocalDate today) {
        return new TaskSummary(id, title, description, assignee, team, severity, dueOn, status, createdBy, createdAt,
                closedAt, findingIds.size(), status != TaskStatus.DONE && dueOn.isBefore(today));
    }
}
