package io.posture.findings;

import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.Severity;
import io.posture.benchmark.Control;
import io.posture.benchmark.Evidence;
import io.posture.findings.FindingViews.FindingDetail;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.findings.FindingViews.FindingSummary;
import io.posture.findings.internal.FindingEntity;
import io.posture.findings.internal.FindingEventEntity;
import io.posture.findings.internal.FindingRepository;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/** Browsing findings and the status changes people make; every change is in the finding's history and the audit log. */
@Service
public class FindingService {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
    };

    private final FindingRepository findings;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final BenchmarkCatalog catalog;

    FindingService(FindingRepository findings, AuditLog audit, JsonMapper json, Clock clock, BenchmarkCatalog catalog) {
        this.findings = findings;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.catalog = catalog;
    }

    /** Findings still to work on (open or in progress) per severity; a severity with none is absent. */
    @Transactional(readOnly = true)
    public Map<Severity, Long> activeBySeverity() {
        var counts = new java.util.EnumMap<Severity, Long>(Severity.class);
        findings.countActiveBySeverity().forEach(row -> counts.put(Severity.values()[((Number) row[0]).intValue()], (Long) row[1]));
        return counts;
    }

    @Transactional(readOnly = true)
    public Page<FindingSummary> search(FindingFilter filter, Pageable pageable) {
        var text = blankToNull(filter.text());
        var benchmarkId = blankToNull(filter.benchmarkId());
        var controlId = blankToNull(filter.controlId());
        return findings.search(blankToNull(filter.cluster()), blankToNull(filter.namespace()), blankToNull(filter.team()),
                benchmarkId == null, benchmarkId == null ? List.of("") : controlKeys(benchmarkId, controlId),
                benchmarkId == null ? controlId : null, filter.severity(), filter.status(),
                text == null ? null : "%" + text.toLowerCase(Locale.ROOT) + "%", pageable).map(FindingEntity::toSummary);
    }

    /**
     * The findings a benchmark's controls (or one of them) detect, as "benchmark control" keys. A finding carries the
     * control that stands for its problem, so CIS Kubernetes 5.2.2's privileged containers are findings of PSS
     * "privileged": filtering by the benchmark one chose must still find them. An unknown benchmark matches nothing.
     */
    private List<String> controlKeys(String benchmarkId, String controlId) {
        var keys = catalog.find(benchmarkId).stream().flatMap(Benchmark::controls)
                .filter(control -> controlId == null || control.id().equals(controlId))
                .map(control -> catalog.problem(benchmarkId, control).key())
                .map(key -> key.benchmarkId() + " " + key.controlId()).distinct().toList();
        return keys.isEmpty() ? List.of("") : keys;
    }

    /** The findings as they stood at a moment, in a scope ({@code null} or blank: any), for evidence exports. */
    @Transactional(readOnly = true)
    public List<FindingViews.FindingAsOf> standingAt(java.time.Instant asOf, String cluster, String namespace, String team) {
        return findings.standingAt(asOf, asOf.atZone(java.time.ZoneOffset.UTC).toLocalDate(), blank(cluster), blank(namespace), blank(team))
                .stream().filter(finding -> finding.status() != null).toList();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    @Transactional(readOnly = true)
    public Optional<FindingDetail> detail(long id) {
        return findings.findById(id).map(finding -> {
            // the texts of the benchmark that produced it: control ids repeat across benchmarks
            var key = finding.getControl();
            var control = catalog.control(key);
            var alsoDetectedBy = catalog.sameProblem(key).stream().filter(same -> !same.key().equals(key))
                    .map(same -> catalog.get(same.key().benchmarkId()).title() + " " + same.key().controlId() + " ("
                            + same.control().title() + ")")
                    .toList();
            return new FindingDetail(finding.toSummary(), finding.getFingerprint(),
                    json.readValue(finding.getEvidence(), EVIDENCE), finding.getResolvedAt(),
                    catalog.find(key.benchmarkId()).map(Benchmark::title).orElse(key.benchmarkId()),
                    control.map(Control::rationale).orElse(null), control.map(Control::remediation).orElse(null),
                    alsoDetectedBy, finding.getHistory().stream().map(FindingEventEntity::toView).toList());
        });
    }

    /** Open and in-progress findings matching a filter (its status is ignored), most severe first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<FindingSummary> activeMatching(FindingFilter filter, int limit) {
        var page = PageRequest.of(0, limit, Sort.by(Sort.Order.desc("severityRank"), Sort.Order.asc("id")));
        var active = new ArrayList<FindingSummary>();
        for (var status : List.of(FindingStatus.OPEN, FindingStatus.IN_PROGRESS)) {
            active.addAll(search(filter.withStatus(status), page).getContent());
        }
        return active.stream().sorted(Comparator.comparing(FindingSummary::severity).reversed()).limit(limit).toList();
    }

    /** First-seen and resolved times of active and resolved findings (accepted risks and false positives left out). */
    @Transactional(readOnly = true)
    public List<FindingViews.FindingTimes> times() {
        return findings.times(List.of(FindingStatus.OPEN, FindingStatus.IN_PROGRESS, FindingStatus.RESOLVED));
    }

    @Transactional(readOnly = true)
    public Map<Long, FindingStatus> statuses(Collection<Long> ids) {
        var statuses = new HashMap<Long, FindingStatus>();
        findings.findAllById(ids).forEach(finding -> statuses.put(finding.getId(), finding.getStatus()));
        return statuses;
    }

    /** The findings with the given ids, most severe first. */
    @Transactional(readOnly = true)
    public List<FindingSummary> summaries(Collection<Long> ids) {
        return findings.findAllById(ids).stream().map(FindingEntity::toSummary)
                .sorted(Comparator.comparing(FindingSummary::severity).reversed().thenComparing(FindingSummary::id)).toList();
    }

    /** Open and in-progress findings among the given ids, most severe first; others are left out. */
    @Transactional(readOnly = true)
    public List<FindingSummary> activeAmong(Collection<Long> ids) {
        return summaries(ids).stream().filter(finding -> finding.status().active()).toList();
    }

    /** A security manager hands findings to a person (or to nobody, for a blank name), one audit event each. */
    @PreAuthorize("hasRole('" + Roles.SECURITY_MANAGER + "')")
    @Transactional
    public int assign(Collection<Long> ids, String assignee) {
        var to = blankToNull(assignee);
        var changed = 0;
        for (var finding : findings.findAllById(ids)) {
            var from = finding.getAssignee();
            if (!Objects.equals(from, to)) {
                finding.assign(to);
                audit.record("FINDING_ASSIGNED", "finding " + finding.getId() + " (" + finding.describe() + ")", from, to, null);
                changed++;
            }
        }
        return changed;
    }

    /** An engineer takes the finding on: OPEN → IN_PROGRESS. */
    @PreAuthorize(Roles.CAN_TRIAGE)
    @Transactional
    public void startWork(long id, String note) {
        change(id, FindingStatus.OPEN, FindingStatus.IN_PROGRESS, note);
    }

    /** Work stopped without a fix: IN_PROGRESS → OPEN. */
    @PreAuthorize(Roles.CAN_TRIAGE)
    @Transactional
    public void stopWork(long id, String note) {
        change(id, FindingStatus.IN_PROGRESS, FindingStatus.OPEN, note);
    }

    private void change(long id, FindingStatus from, FindingStatus to, String note) {
        var finding = findings.findById(id).orElseThrow(() -> new NoSuchElementException("no finding " + id));
        if (finding.getStatus() != from) {
            throw new IllegalStateException("the finding is " + finding.getStatus() + ", not " + from);
        }
        finding.changeStatus(to, AuditLog.currentActor(), blankToNull(note), clock.instant());
        audit.record("FINDING_STATUS", "finding " + id + " (" + finding.describe() + ")", from.name(), to.name(), blankToNull(note));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
