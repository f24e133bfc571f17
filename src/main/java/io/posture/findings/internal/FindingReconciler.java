package io.posture.findings.internal;

import io.posture.collect.RunStatus;
import io.posture.findings.ExceptionService;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingsReconciled;
import io.posture.findings.Fingerprint;
import io.posture.inventory.InventoryQueries;
import io.posture.scoring.ClusterEvaluated;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings a cluster's findings in line with its latest evaluation: new failures open findings,
 * resolved ones that fail again reopen, and, after a COMPLETE run only, active findings that no
 * longer fail are resolved. Accepted risks and false positives keep their status. Works a chunk of
 * failures at a time, each committed on its own (set-based, see {@link FindingWriter}); what a
 * failure midway leaves undone the next evaluation's reconciliation does.
 */
@Component
class FindingReconciler {

    private static final Logger log = LoggerFactory.getLogger(FindingReconciler.class);
    /** Failures per transaction (each commit writes a chunk of H2's file) and per lookup of known findings. */
    private static final int CHUNK = 2000;
    private static final List<FindingStatus> ACTIVE = List.of(FindingStatus.OPEN, FindingStatus.IN_PROGRESS,
            FindingStatus.RISK_ACCEPTED, FindingStatus.FALSE_POSITIVE);

    private final FindingWriter writer;
    private final FindingRepository findings;
    private final ScoreQueries scores;
    private final InventoryQueries inventory;
    private final JsonMapper json;
    private final Clock clock;
    private final ExceptionService exceptions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    FindingReconciler(FindingWriter writer, FindingRepository findings, ScoreQueries scores, InventoryQueries inventory,
                      JsonMapper json, Clock clock, ExceptionService exceptions, ApplicationEventPublisher events,
                      PlatformTransactionManager transactionManager) {
        this.writer = writer;
        this.findings = findings;
        this.scores = scores;
        this.inventory = inventory;
        this.json = json;
        this.clock = clock;
        this.exceptions = exceptions;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener
    public void onClusterEvaluated(ClusterEvaluated event) {
        var now = clock.instant();
        var teams = inventory.teamsByNamespace(event.clusterId());
        // in fingerprint order: the unique index then grows at its end instead of rewriting pages all over it
        var failing = new TreeMap<String, ScoreViews.Failure>();
        for (var failure : scores.failures(event.clusterId())) {
            failing.putIfAbsent(Fingerprint.of(event.clusterName(), failure.kind(), failure.namespace(), failure.resourceName(),
                    failure.controlId()), failure);
        }
        int opened = 0;
        int reopened = 0;
        var entries = List.copyOf(failing.entrySet());
        for (int from = 0; from < entries.size(); from += CHUNK) {
            var chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            var counts = transactions.execute(status -> reconcile(event, chunk, teams, now));
            opened += counts[0];
            reopened += counts[1];
        }
        int resolved = event.runStatus() == RunStatus.COMPLETE ? resolveNoLongerFailing(event.clusterId(), failing.keySet(), now) : 0;
        log.info("Findings of cluster {}: {} opened, {} reopened, {} resolved{}", event.clusterName(), opened, reopened,
                resolved, event.runStatus() == RunStatus.COMPLETE ? "" : " (run " + event.runStatus() + ": nothing resolved)");
        events.publishEvent(new FindingsReconciled(event.clusterName()));
    }

    /** One chunk of failures by fingerprint: opens, reopens and refreshes their findings; returns {opened, reopened}. */
    private int[] reconcile(ClusterEvaluated event, List<Map.Entry<String, ScoreViews.Failure>> chunk, Map<String, String> teams,
                            Instant now) {
        var known = writer.byFingerprints(chunk.stream().map(Map.Entry::getKey).toList()).stream()
                .collect(Collectors.toMap(FindingWriter.Known::fingerprint, Function.identity()));
        var opened = new ArrayList<FindingWriter.Opened>();
        var unchanged = new ArrayList<Long>();
        var changed = new ArrayList<FindingWriter.Seen>();
        var reopened = new ArrayList<FindingWriter.Change>();
        chunk.forEach(entry -> {
            var fingerprint = entry.getKey();
            var failure = entry.getValue();
            var team = teams.get(failure.namespace());
            var evidence = json.writeValueAsString(failure.evidence());
            var finding = known.get(fingerprint);
            if (finding == null) {
                opened.add(new FindingWriter.Opened(fingerprint, event.clusterId(), event.clusterName(), failure.namespace(), team,
                        failure.kind(), failure.resourceName(), failure.controlId(), failure.controlTitle(), failure.severity(),
                        evidence));
                return;
            }
            var seen = new FindingWriter.Seen(finding.id(), failure.controlTitle(), failure.severity(), team, evidence);
            if (seen.equals(new FindingWriter.Seen(finding.id(), finding.controlTitle(), finding.severity(), finding.team(),
                    finding.evidence()))) {
                unchanged.add(finding.id());
            } else {
                changed.add(seen);
            }
            if (finding.status() == FindingStatus.RESOLVED) {
                reopened.add(new FindingWriter.Change(finding.id(), FindingStatus.RESOLVED, FindingStatus.OPEN, "failing again"));
            }
        });
        writer.open(opened, now);
        writer.seenUnchanged(unchanged, now);
        writer.seenChanged(changed, now);
        writer.changeStatus(reopened, now);
        if (!opened.isEmpty() || !reopened.isEmpty()) {
            coverByActiveExceptions(event.clusterName(), opened, reopened);
        }
        return new int[]{opened.size(), reopened.size()};
    }

    /** Newly active findings that an active exception covers take its status (few clusters have any). */
    private void coverByActiveExceptions(String clusterName, List<FindingWriter.Opened> opened, List<FindingWriter.Change> reopened) {
        if (!exceptions.hasActive(clusterName)) {
            return;
        }
        var newlyActive = new ArrayList<>(findings.findByFingerprintIn(opened.stream().map(FindingWriter.Opened::fingerprint).toList()));
        newlyActive.addAll(findings.findAllById(reopened.stream().map(FindingWriter.Change::id).toList()));
        exceptions.applyActiveExceptions(clusterName, newlyActive);
    }

    private int resolveNoLongerFailing(long clusterId, Set<String> failing, Instant now) {
        var changes = new ArrayList<FindingWriter.Change>();
        writer.eachInStatus(clusterId, ACTIVE, finding -> {
            if (!failing.contains(finding.fingerprint())) {
                changes.add(new FindingWriter.Change(finding.id(), finding.status(), FindingStatus.RESOLVED,
                        "no longer failing after a complete run"));
            }
        });
        for (int from = 0; from < changes.size(); from += CHUNK) {
            var chunk = changes.subList(from, Math.min(changes.size(), from + CHUNK));
            transactions.executeWithoutResult(status -> writer.changeStatus(chunk, now));
        }
        return changes.size();
    }
}
