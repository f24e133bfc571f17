package io.posture.remediation;

import io.posture.benchmark.Severity;
import io.posture.findings.FindingViews.FindingSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Read models of remediation tasks. */
public final class TaskViews {

    private TaskViews() {
    }

    public enum TaskStatus { OPEN, IN_PROGRESS, DONE }

    public record TaskSummary(long id, String title, String description, String assignee, String team, Severity severity,
                              LocalDate dueOn, TaskStatus status, String createdBy, Instant createdAt, Instant closedAt,
                              int findings, boolean overdue) {
    }

    public record TaskDetail(TaskSummary summary, List<FindingSummary> findings) {
    }
}
