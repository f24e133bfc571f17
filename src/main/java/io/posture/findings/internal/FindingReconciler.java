package io.posture.findings.internal;

import io.posture.collect.RunStatus;
import io.posture.findings.ExceptionService;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingsReconciled;
import io.posture.findings.Fingerprint;
import io.posture.scoring.ClusterEvaluated;
import io.posture.scoring.FailuresRecorded;
import io.posture.scoring.ScoreViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings a cluster's findings in line with its latest evaluation: a page of failures at a time, as
 * the evaluation stores that page's results, new failures open findings, resolved ones that
 * fail again reopen, and every finding seen takes the evaluation's number. At the end of an
 * evaluation after a COMPLETE run only, the cluster's active findings that did not take its number
 * no longer fail and are resolved. Accepted risks and false positives keep their status. All writes
 * are set-based (see {@link FindingWriter}); what a failure midway leaves undone the next
 * evaluation's reconciliation does.
 */
@Component
class FindingReconciler {

    private static final Logger log = LoggerFactory.getLogger(FindingReconciler.class);
    /** Failures per lookup of known findings. */
    private static final int CHUNK = 2000;
    private static final List<FindingStatus> ACTIVE = List.of(FindingStatus.OPEN, FindingStatus.IN_PROGRESS,
            FindingStatus.RISK_ACCEPTED, FindingStatus.FALSE_POSITIVE);

    private final FindingWriter writer;
    private final FindingRepository findings;
    private final Clock clock;
    private final ExceptionService exceptions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    /**
     * Findings {opened, reopened} per evaluation still running, for its closing log line; an
     * evaluation that announces no end (an exception's rescoring) is dropped when a later one ends.
     */
    private final ConcurrentSkipListMap<Long, int[]> counted = new ConcurrentSkipListMap<>();

    FindingReconciler(FindingWriter writer, FindingRepository findings, Clock clock, ExceptionService exceptions,
                      ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.writer = writer;
        this.findings = findings;
        this.clock = clock;
        this.exceptions = exceptions;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener
    public void onFailuresRecorded(FailuresRecorded recorded) {
        var now = clock.instant();
        // in fingerprint order: the unique index then takes each chunk's keys in order
        var failing = new TreeMap<String, ScoreViews.Failure>();
        for (var failure : recorded.failures()) {
            failing.putIfAbsent(Fingerprint.of(recorded.clusterName(), failure.kind(), failure.namespace(), failure.resourceName(),
                    failure.control()), failure);
        }
        var entries = List.copyOf(failing.entrySet());
        for (int from = 0; from < entries.size(); from += CHUNK) {
            var chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            var counts = transactions.execute(status -> reconcile(recorded, chunk, now));
            counted.merge(recorded.evaluation(), counts, (sum, more) -> new int[]{sum[0] + more[0], sum[1] + more[1]});
        }
    }

    @EventListener
    public void onClusterEvaluated(ClusterEvaluated event) {
        var counts = counted.getOrDefault(event.evaluation(), new int[2]);
        counted.headMap(event.evaluation(), true).clear();
        int resolved = event.runStatus() == RunStatus.COMPLETE
                ? transactions.execute(status -> writer.resolveNotSeenIn(event.clusterId(), event.evaluation(), ACTIVE,
                "no longer failing after a complete run", clock.instant()))
                : 0;
        log.info("Findings of cluster {}: {} opened, {} reopened, {} resolved{}", event.clusterName(), counts[0], counts[1],
                resolved, event.runStatus() == RunStatus.COMPLETE ? "" : " (run " + event.runStatus() + ": nothing resolved)");
        events.publishEvent(new FindingsReconciled(event.clusterName()));
    }

    /** One chunk of failures by fingerprint: opens, reopens and refreshes their findings; returns {opened, reopened}. */
    private int[] reconcile(FailuresRecorded recorded, List<Map.Entry<String, ScoreViews.Failure>> chunk, Instant now) {
        var known = writer.byFingerprints(chunk.stream().map(Map.Entry::getKey).toList()).stream()
                .collect(Collectors.toMap(FindingWriter.Known::fingerprint, Function.identity()));
        var opened = new ArrayList<FindingWriter.Opened>();
        var unchanged = new ArrayList<Long>();
        var changed = new ArrayList<FindingWriter.Seen>();
        var reopened = new ArrayList<FindingWriter.Change>();
        chunk.forEach(entry -> {
            var fingerprint = entry.getKey();
            var failure = entry.getValue();
            var finding = known.get(fingerprint);
            if (finding == null) {
                opened.add(new FindingWriter.Opened(fingerprint, recorded.clusterId(), recorded.clusterName(), failure.namespace(),
                        failure.team(), failure.kind(), failure.resourceName(), failure.control(), failure.controlTitle(),
                        failure.severity(), failure.evidenceJson()));
                return;
            }
            var seen = new FindingWriter.Seen(finding.id(), failure.controlTitle(), failure.severity(), failure.team(),
                    failure.evidenceJson());
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
        writer.open(opened, recorded.evaluation(), now);
        writer.seenUnchanged(unchanged, recorded.evaluation(), now);
        writer.seenChanged(changed, recorded.evaluation(), now);
        writer.changeStatus(reopened, now);
        if (!opened.isEmpty() || !reopened.isEmpty()) {
            coverByActiveExceptions(recorded.clusterName(), opened, reopened);
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
}
