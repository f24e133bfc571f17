package io.posture.findings;

import io.posture.benchmark.Evidence;
import io.posture.benchmark.Severity;

import java.time.Instant;
import java.util.List;

/** Read models of findings. */
public final class FindingViews {

    private FindingViews() {
    }

    public record FindingSummary(long id, String cluster, String namespace, String team, String workloadKind,
                                 String workloadName, String benchmarkId, String controlId, String controlTitle, Severity severity,
                                 FindingStatus status, String assignee, Instant firstSeen, Instant lastSeen) {
    }

    /**
     * A finding with the texts of the control that stands for it (from its own benchmark) and the
     * other benchmarks' controls that detect the same problem ({@code alsoDetectedBy}, as
     * "CIS Kubernetes Benchmark 5.2.2 (Minimize the admission of privileged containers)").
     */
    public record FindingDetail(FindingSummary summary, String fingerprint, List<Evidence> evidence,
                                Instant resolvedAt, String benchmarkTitle, String rationale, String remediation,
                                List<String> alsoDetectedBy, List<HistoryEntry> history) {
    }

    /** When a finding was first seen and, if it is resolved, when: the raw material of remediation metrics. */
    public record FindingTimes(Severity severity, String team, FindingStatus status, Instant firstSeen, Instant resolvedAt) {
    }

    public record HistoryEntry(Instant at, String actor, FindingStatus from, FindingStatus to, String note) {
    }

    /**
     * Filters of the findings browser; null or blank means "any". A control id alone may match controls of several
     * benchmarks ({@code 3.1} is in Image trust and CIS Docker): the benchmark tells them apart.
     */
    public record FindingFilter(String cluster, String namespace, String team, String benchmarkId, String controlId,
                                Severity severity, FindingStatus status, String text) {

        public static FindingFilter none() {
            return new FindingFilter(null, null, null, null, null, null, null, null);
        }

        /** Open findings of one benchmark's control, as its control page links to them. */
        public static FindingFilter openOf(String benchmarkId, String controlId) {
            return new FindingFilter(null, null, null, benchmarkId, controlId, null, FindingStatus.OPEN, null);
        }

        public FindingFilter withStatus(FindingStatus newStatus) {
            return new FindingFilter(cluster, namespace, team, benchmarkId, controlId, severity, newStatus, text);
        }
    }

    /**
     * A finding as it stood at a past moment: its status from its history up to then, and the
     * exception that covered it then (approved by that moment, not expired), if any.
     */
    public record FindingAsOf(long id, String fingerprint, String cluster, String namespace, String team, String kind,
                              String name, String benchmarkId, String controlId, String controlTitle, io.posture.benchmark.Severity severity,
                              FindingStatus status, java.time.Instant firstSeen, Long exceptionId) {
    }
}
