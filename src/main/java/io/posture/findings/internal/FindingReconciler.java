package io.posture.findings.internal;

import io.posture.collect.RunStatus;
import io.posture.findings.ExceptionService;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingsReconciled;
import io.posture.findings.Fingerprint;
import io.posture.inventory.InventoryQueries;
import io.posture.scoring.ClusterEvaluated;
import io.posture.scoring.ScoreQueries;
import io.posture.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Limit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings a cluster's findings in line with its latest evaluation: new failures open findings,
 * resolved ones that fail again reopen, and, after a COMPLETE run only, active findings that no
 * longer fail are resolved. Accepted risks and false positives keep their status.
 */
@Component
class FindingReconciler {

    private static final Logger log = LoggerFactory.getLogger(FindingReconciler.class);
    private static final int CHUNK = 500;

    private final FindingRepository findings;
    private final ScoreQueries scores;
    private final InventoryQueries inventory;
    private final JsonMapper json;
    private final Clock clock;
    private final ExceptionService exceptions;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;

    FindingReconciler(FindingRepository findings, ScoreQueries scores, InventoryQueries inventory, JsonMapper json, Clock clock,
                      ExceptionService exceptions, ApplicationEventPublisher events, EntityManager entityManager) {
        this.findings = findings;
        this.scores = scores;
        this.inventory = inventory;
        this.json = json;
        this.clock = clock;
        this.exceptions = exceptions;
        this.events = events;
        this.entityManager = entityManager;
    }

    @EventListener
    @Transactional
    public void onClusterEvaluated(ClusterEvaluated event) {
        var now = clock.instant();
        var teams = inventory.teamsByNamespace(event.clusterId());
        var failing = new HashSet<String>();
        int opened = 0;
        int reopened = 0;
        var failures = scores.failures(event.clusterId());
        // In chunks, each flushed and cleared: a first run of a large cluster opens tens of thousands of findings.
        for (int from = 0; from < failures.size(); from += CHUNK) {
            var chunk = failures.subList(from, Math.min(failures.size(), from + CHUNK));
            var fingerprints = chunk.stream().map(failure -> Fingerprint.of(event.clusterName(), failure.kind(),
                    failure.namespace(), failure.resourceName(), failure.controlId())).toList();
            var known = findings.findByFingerprintIn(fingerprints).stream()
                    .collect(Collectors.toMap(FindingEntity::getFingerprint, Function.identity()));
            var newlyActive = new ArrayList<FindingEntity>();
            for (int i = 0; i < chunk.size(); i++) {
                var failure = chunk.get(i);
                var fingerprint = fingerprints.get(i);
                if (!failing.add(fingerprint)) {
                    continue;
                }
                var finding = known.get(fingerprint);
                if (finding == null) {
                    finding = new FindingEntity(fingerprint, event.clusterId(), event.clusterName(), failure.namespace(),
                            failure.kind(), failure.resourceName(), failure.controlId());
                    finding.seen(failure.controlTitle(), failure.severity(), teams.get(failure.namespace()),
                            json.writeValueAsString(failure.evidence()), now);
                    finding.changeStatus(FindingStatus.OPEN, AuditLog.SYSTEM, "failing", now);
                    findings.save(finding);
                    newlyActive.add(finding);
                    opened++;
                    continue;
                }
                finding.seen(failure.controlTitle(), failure.severity(), teams.get(failure.namespace()),
                        json.writeValueAsString(failure.evidence()), now);
                if (finding.getStatus() == FindingStatus.RESOLVED) {
                    finding.changeStatus(FindingStatus.OPEN, AuditLog.SYSTEM, "failing again", now);
                    newlyActive.add(finding);
                    reopened++;
                }
            }
            if (!newlyActive.isEmpty()) {
                exceptions.applyActiveExceptions(event.clusterName(), newlyActive);
            }
            flushAndClear();
        }
        int resolved = event.runStatus() == RunStatus.COMPLETE ? resolveNoLongerFailing(event.clusterId(), failing, now) : 0;
        log.info("Findings of cluster {}: {} opened, {} reopened, {} resolved{}", event.clusterName(), opened, reopened,
                resolved, event.runStatus() == RunStatus.COMPLETE ? "" : " (run " + event.runStatus() + ": nothing resolved)");
        events.publishEvent(new FindingsReconciled(event.clusterName()));
    }

    private int resolveNoLongerFailing(long clusterId, Set<String> failing, Instant now) {
        int resolved = 0;
        var active = List.of(FindingStatus.OPEN, FindingStatus.IN_PROGRESS, FindingStatus.RISK_ACCEPTED, FindingStatus.FALSE_POSITIVE);
        long after = 0;
        while (true) {
            var page = findings.findByClusterIdAndStatusInAndIdGreaterThanOrderById(clusterId, active, after, Limit.of(CHUNK));
            if (page.isEmpty()) {
                return resolved;
            }
            for (var finding : page) {
                if (!failing.contains(finding.getFingerprint())) {
                    finding.setException(null);
                    finding.changeStatus(FindingStatus.RESOLVED, AuditLog.SYSTEM, "no longer failing after a complete run", now);
                    resolved++;
                }
            }
            after = page.getLast().getId();
            flushAndClear();
        }
    }

    private void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }
}
