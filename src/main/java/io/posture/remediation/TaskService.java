package io.posture.remediation;

import io.posture.benchmark.Evidence;
import io.posture.findings.FindingService;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.findings.FindingViews.FindingSummary;
import io.posture.findings.FindingsReconciled;
import io.posture.remediation.TaskViews.TaskDetail;
import io.posture.remediation.TaskViews.TaskStatus;
import io.posture.remediation.TaskViews.TaskSummary;
import io.posture.remediation.internal.RemediationTaskEntity;
import io.posture.remediation.internal.RemediationTaskRepository;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/** Remediation tasks: created from findings, worked by engineers, assigned by managers, closed by the runs. */
@Service
public class TaskService {

    static final int MAX_FINDINGS = 500;
    private static final int DESCRIBED_FINDINGS = 25;

    private final RemediationTaskRepository tasks;
    private final FindingService findings;
    private final SlaPolicy sla;
    private final AuditLog audit;
    private final Clock clock;

    TaskService(RemediationTaskRepository tasks, FindingService findings, SlaPolicy sla, AuditLog audit, Clock clock) {
        this.tasks = tasks;
        this.findings = findings;
        this.sla = sla;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A task for the open findings that match a filter ("all failures of control X in namespace Y"),
     * due by the SLA of the most severe one, described with the fix and the evidence.
     */
    @PreAuthorize(Roles.CAN_TRIAGE)
    @Transactional
    public long createFromFilter(FindingFilter filter) {
        var matching = findings.activeMatching(filter, MAX_FINDINGS);
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("No open findings match these filters");
        }
        return create(matching);
    }

    /** A task for findings picked one by one in the browser; those no longer open are left out. */
    @PreAuthorize(Roles.CAN_TRIAGE)
    @Transactional
    public long createFromFindings(Collection<Long> ids) {
        if (ids.size() > MAX_FINDINGS) {
            throw new IllegalArgumentException("A task groups at most " + MAX_FINDINGS + " findings; " + ids.size() + " were picked");
        }
        var picked = findings.activeAmong(ids);
        if (picked.isEmpty()) {
            throw new IllegalArgumentException("None of the picked findings is open");
        }
        return create(picked);
    }

    private long create(List<FindingSummary> matching) {
        var worst = matching.stream().map(FindingSummary::severity).max(Comparator.naturalOrder()).orElseThrow();
        var teams = matching.stream().map(FindingSummary::team).filter(team -> team != null).collect(Collectors.toSet());
        var controls = matching.stream().map(FindingSummary::controlTitle).distinct().toList();
        var places = matching.stream().map(finding -> finding.cluster() + "/" + finding.namespace()).distinct().toList();
        var title = (controls.size() == 1 ? controls.getFirst() : controls.size() + " controls") + " in "
                + (places.size() == 1 ? places.getFirst() : places.size() + " namespaces");
        var ids = new LinkedHashSet<Long>();
        matching.forEach(finding -> ids.add(finding.id()));
        var due = today().plusDays(sla.days(worst));
        var task = tasks.save(new RemediationTaskEntity(title, describe(matching), teams.size() == 1 ? teams.iterator().next() : null,
                worst, due, ids, AuditLog.currentActor(), clock.instant()));
        audit.record("TASK_CREATED", "task " + task.getId() + " (" + title + ")", null, TaskStatus.OPEN.name(),
                matching.size() + " findings, due " + due);
        return task.getId();
    }

    @PreAuthorize("hasRole('" + Roles.SECURITY_MANAGER + "')")
    @Transactional
    public void assign(long id, String assignee) {
        var task = task(id);
        var previous = task.getAssignee();
        task.assign(assignee == null || assignee.isBlank() ? null : assignee.trim());
        audit.record("TASK_ASSIGNED", "task " + id, previous, task.getAssignee(), null);
    }

    /** Start or pause work: OPEN ↔ IN_PROGRESS. Tasks close themselves when their findings resolve. */
    @PreAuthorize(Roles.CAN_TRIAGE)
    @Transactional
    public void move(long id, TaskStatus to) {
        var task = task(id);
        if (to == TaskStatus.DONE || task.getStatus() == TaskStatus.DONE) {
            throw new IllegalStateException("A task is done when all its findings are resolved, not by hand");
        }
        var from = task.getStatus();
        task.moveTo(to, clock.instant());
        audit.record("TASK_STATUS", "task " + id, from.name(), to.name(), null);
    }

    @Transactional(readOnly = true)
    public List<TaskSummary> byStatus(TaskStatus status) {
        var today = today();
        return tasks.findByStatusOrderByDueOnAscIdAsc(status).stream().map(task -> task.toSummary(today)).toList();
    }

    /** A task with its findings, most severe first. */
    @Transactional(readOnly = true)
    public Optional<TaskDetail> detail(long id) {
        return tasks.findById(id).map(task -> new TaskDetail(task.toSummary(today()),
                findings.summaries(task.getFindingIds())));
    }

    /** The task that held each finding at the instant (the newest, if several did), by finding id: for evidence. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Long> taskOfFindings(java.time.Instant asOf) {
        var tasks = new java.util.HashMap<Long, Long>();
        for (var row : this.tasks.taskOfFindings(asOf)) {
            tasks.put((Long) row[0], (Long) row[1]);
        }
        return tasks;
    }

    @Transactional(readOnly = true)
    public long overdueCount() {
        return tasks.countByStatusNotAndDueOnBefore(TaskStatus.DONE, today());
    }

    @EventListener
    @Transactional
    public void onFindingsReconciled(FindingsReconciled event) {
        for (var task : tasks.findByStatusNot(TaskStatus.DONE)) {
            var statuses = findings.statuses(task.getFindingIds());
            if (!statuses.isEmpty() && statuses.values().stream().allMatch(status -> status == FindingStatus.RESOLVED)) {
                var from = task.getStatus();
                task.moveTo(TaskStatus.DONE, clock.instant());
                audit.record("TASK_STATUS", "task " + task.getId(), from.name(), TaskStatus.DONE.name(),
                        "all " + statuses.size() + " findings resolved");
            }
        }
    }

    private String describe(List<FindingSummary> matching) {
        var described = matching.stream().limit(DESCRIBED_FINDINGS)
                .map(finding -> findings.detail(finding.id()).orElseThrow()).toList();
        var text = new StringBuilder();
        var remediation = described.getFirst().remediation();
        if (remediation != null) {
            text.append("How to fix it: ").append(remediation).append("\n\n");
        }
        text.append("Findings:\n");
        for (var detail : described) {
            var finding = detail.summary();
            text.append("- ").append(finding.workloadKind()).append(' ').append(finding.cluster()).append('/')
                    .append(finding.namespace()).append('/').append(finding.workloadName()).append(": ")
                    .append(finding.controlTitle()).append(" — ")
                    .append(detail.evidence().stream().map(Evidence::toString).collect(Collectors.joining("; "))).append('\n');
        }
        if (matching.size() > DESCRIBED_FINDINGS) {
            text.append("… and ").append(matching.size() - DESCRIBED_FINDINGS).append(" more\n");
        }
        return text.toString();
    }

    private RemediationTaskEntity task(long id) {
        return tasks.findById(id).orElseThrow(() -> new NoSuchElementException("no task " + id));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
