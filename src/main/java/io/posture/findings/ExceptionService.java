package io.posture.findings;

import io.posture.benchmark.ControlKey;
import io.posture.findings.ExceptionViews.ExceptionRequest;
import io.posture.findings.ExceptionViews.ExceptionSummary;
import io.posture.findings.ExceptionViews.Kind;
import io.posture.findings.ExceptionViews.Scope;
import io.posture.findings.ExceptionViews.State;
import io.posture.findings.internal.FindingEntity;
import io.posture.findings.internal.FindingExceptionEntity;
import io.posture.findings.internal.FindingExceptionRepository;
import io.posture.findings.internal.FindingRepository;
import io.posture.inventory.InventoryQueries;
import io.posture.scoring.EvaluationService;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The exceptions register. An engineer or manager requests a risk acceptance or a false-positive
 * claim with a justification, a scope and an expiry; a security manager who is not the requester
 * approves it (four eyes). Active exceptions put matching findings into RISK_ACCEPTED or
 * FALSE_POSITIVE and their score pairs into EXCEPTED; expired ones reopen them.
 */
@Service
public class ExceptionService {

    static final int MAX_DAYS = 366;
    static final int MIN_JUSTIFICATION = 20;

    private final FindingExceptionRepository exceptions;
    private final FindingRepository findings;
    private final EvaluationService evaluation;
    private final InventoryQueries inventory;
    private final AuditLog audit;
    private final Clock clock;

    ExceptionService(FindingExceptionRepository exceptions, FindingRepository findings, EvaluationService evaluation,
                     InventoryQueries inventory, AuditLog audit, Clock clock) {
        this.exceptions = exceptions;
        this.findings = findings;
        this.evaluation = evaluation;
        this.inventory = inventory;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(Roles.CAN_TRIAGE)
    @Transactional
    public long request(ExceptionRequest request) {
        var finding = findings.findById(request.findingId())
                .orElseThrow(() -> new NoSuchElementException("no finding " + request.findingId()));
        if (!finding.getStatus().active()) {
            throw new IllegalStateException("only an open or in-progress finding can be excepted; this one is " + finding.getStatus());
        }
        var justification = request.justification() == null ? "" : request.justification().trim();
        if (justification.length() < MIN_JUSTIFICATION) {
            throw new IllegalArgumentException("A justification of at least " + MIN_JUSTIFICATION + " characters is required");
        }
        var today = today();
        if (request.expiresOn() == null || !request.expiresOn().isAfter(today) || request.expiresOn().isAfter(today.plusDays(MAX_DAYS))) {
            throw new IllegalArgumentException("The expiry must be after today and within a year");
        }
        var exception = exceptions.save(new FindingExceptionEntity(request.kind(), request.scope(), finding, justification,
                request.expiresOn(), AuditLog.currentActor(), clock.instant()));
        audit.record("EXCEPTION_REQUESTED", exception.describe() + " for " + finding.describe(), null, State.PENDING.name(),
                justification + " (until " + request.expiresOn() + ")");
        return exception.getId();
    }

    /** One exception per picked finding, with the same kind, justification and expiry; all or none. */
    @PreAuthorize(Roles.CAN_TRIAGE)
    @Transactional
    public List<Long> requestForEach(Collection<Long> findingIds, Kind kind, String justification, LocalDate expiresOn) {
        if (findingIds.isEmpty()) {
            throw new IllegalArgumentException("Pick at least one finding");
        }
        return findingIds.stream().map(id -> request(new ExceptionRequest(id, kind, Scope.FINDING, justification, expiresOn))).toList();
    }

    @PreAuthorize("hasRole('" + Roles.SECURITY_MANAGER + "')")
    @Transactional
    public void approve(long id, String note) {
        var exception = pending(id);
        if (exception.getRequestedBy().equals(AuditLog.currentActor())) {
            throw new IllegalStateException("Four eyes: the requester of an exception cannot approve it");
        }
        exception.decide(State.ACTIVE, AuditLog.currentActor(), clock.instant());
        audit.record("EXCEPTION_APPROVED", exception.describe(), State.PENDING.name(), State.ACTIVE.name(), note);
        for (var finding : findings.findByClusterName(exception.getClusterName())) {
            if (finding.getStatus().active() && exception.covers(finding)) {
                finding.setException(exception.getId());
                finding.changeStatus(exception.getKind().findingStatus(), AuditLog.currentActor(),
                        exception.describe() + " approved", clock.instant());
            }
        }
        rescore(exception);
    }

    @PreAuthorize("hasRole('" + Roles.SECURITY_MANAGER + "')")
    @Transactional
    public void reject(long id, String note) {
        var exception = pending(id);
        exception.decide(State.REJECTED, AuditLog.currentActor(), clock.instant());
        audit.record("EXCEPTION_REJECTED", exception.describe(), State.PENDING.name(), State.REJECTED.name(), note);
    }

    /** Expires exceptions past their date and reopens their findings; runs daily and on demand. */
    @Scheduled(cron = "${posture.exceptions.expiry-cron:0 5 0 * * *}", zone = "UTC")
    @Transactional
    public int expireDue() {
        var due = exceptions.findByStateAndExpiresOnBefore(State.ACTIVE, today().plusDays(1));
        for (var exception : due) {
            exception.expire();
            audit.record("EXCEPTION_EXPIRED", exception.describe(), State.ACTIVE.name(), State.EXPIRED.name(),
                    "expired on " + exception.getExpiresOn());
            for (var finding : findings.findByExceptionId(exception.getId())) {
                finding.setException(null);
                if (!finding.getStatus().active() && finding.getStatus() != FindingStatus.RESOLVED) {
                    finding.changeStatus(FindingStatus.OPEN, AuditLog.SYSTEM, exception.describe() + " expired", clock.instant());
                }
            }
            rescore(exception);
        }
        return due.size();
    }

    /** The exceptions with these ids, for evidence reports. */
    @Transactional(readOnly = true)
    public List<ExceptionSummary> byIds(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : exceptions.findAllById(ids).stream()
                .map(exception -> exception.toSummary(findings.countByExceptionId(exception.getId())))
                .sorted(java.util.Comparator.comparing(ExceptionSummary::id)).toList();
    }

    @Transactional(readOnly = true)
    public List<ExceptionSummary> list(State state) {
        return exceptions.findByStateOrderByIdDesc(state).stream()
                .map(exception -> exception.toSummary(findings.countByExceptionId(exception.getId()))).toList();
    }

    /** Active exceptions that end within the given number of days, for review. */
    @Transactional(readOnly = true)
    public List<ExceptionSummary> expiringWithin(int days) {
        var limit = today().plusDays(days);
        return list(State.ACTIVE).stream().filter(exception -> !exception.expiresOn().isAfter(limit)).toList();
    }

    /** Active exceptions that no longer cover any finding: the problem went away, or the scope was wrong. */
    @Transactional(readOnly = true)
    public List<ExceptionSummary> stale() {
        return list(State.ACTIVE).stream().filter(exception -> exception.findingsCovered() == 0).toList();
    }

    @Transactional(readOnly = true)
    public boolean hasActive(String clusterName) {
        return exceptions.existsByStateAndClusterName(State.ACTIVE, clusterName);
    }

    /** Applies a cluster's active exceptions to findings that (re)opened under their scope. */
    @Transactional
    public void applyActiveExceptions(String clusterName, List<FindingEntity> opened) {
        var active = exceptions.findByStateAndClusterName(State.ACTIVE, clusterName);
        for (var finding : opened) {
            active.stream().filter(exception -> exception.covers(finding)).findFirst().ifPresent(exception -> {
                finding.setException(exception.getId());
                finding.changeStatus(exception.getKind().findingStatus(), AuditLog.SYSTEM,
                        "covered by " + exception.describe(), clock.instant());
            });
        }
    }

    /** Fingerprints of findings under an active exception, and the scopes that cover more, for the scoring. */
    @Transactional(readOnly = true)
    public ExceptedPairs exceptedPairs(String clusterName) {
        var fingerprints = new HashSet<String>();
        var scopes = new ArrayList<ExceptedScope>();
        for (var exception : exceptions.findByStateAndClusterName(State.ACTIVE, clusterName)) {
            findings.findByExceptionId(exception.getId()).forEach(finding -> fingerprints.add(finding.getFingerprint()));
            var summary = exception.toSummary(0);
            if (summary.scope() != ExceptionViews.Scope.FINDING) {
                scopes.add(new ExceptedScope(summary.namespace(), new ControlKey(summary.benchmarkId(), summary.controlId())));
            }
        }
        return new ExceptedPairs(clusterName, fingerprints, scopes);
    }

    private FindingExceptionEntity pending(long id) {
        var exception = exceptions.findById(id).orElseThrow(() -> new NoSuchElementException("no exception " + id));
        if (exception.getState() != State.PENDING) {
            throw new IllegalStateException("exception " + id + " is " + exception.getState() + ", not pending");
        }
        return exception;
    }

    private void rescore(FindingExceptionEntity exception) {
        inventory.cluster(exception.getClusterName()).ifPresent(cluster -> evaluation.evaluateCluster(cluster.id()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Which failing pairs of a cluster are excepted, by finding fingerprint. */
    public record ExceptedPairs(String clusterName, Set<String> fingerprints, List<ExceptedScope> scopes) {
        public boolean covers(String kind, String namespace, String workloadName, ControlKey control) {
            return fingerprints.contains(Fingerprint.of(clusterName, kind, namespace, workloadName, control))
                    || scopes.stream().anyMatch(scope -> scope.control().equals(control)
                    && (scope.namespace() == null || scope.namespace().equals(namespace)));
        }
    }

    /** A control excepted in one namespace, or in the whole cluster (namespace null). */
    public record ExceptedScope(String namespace, ControlKey control) {
    }
}
