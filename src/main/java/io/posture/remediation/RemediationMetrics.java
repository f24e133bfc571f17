package io.posture.remediation;

import io.posture.benchmark.Severity;
import io.posture.findings.FindingService;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingTimes;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** SLA breaches and mean time to remediate, computed from the findings' history. */
@Service
public class RemediationMetrics {

    private static final String NO_TEAM = "unassigned";

    private final FindingService findings;
    private final SlaPolicy sla;
    private final Clock clock;

    RemediationMetrics(FindingService findings, SlaPolicy sla, Clock clock) {
        this.findings = findings;
        this.sla = sla;
        this.clock = clock;
    }

    /** Open or in-progress findings older than the SLA of their severity. */
    public long slaBreaches() {
        var now = clock.instant();
        var days = sla.all();
        return findings.times().stream().filter(times -> times.status().active())
                .filter(times -> times.firstSeen().plus(Duration.ofDays(days.get(times.severity()))).isBefore(now))
                .count();
    }

    /** Mean days from first seen to resolved, per severity and team, most severe first. */
    public List<TimeToRemediate> meanTimeToRemediate() {
        var resolved = findings.times().stream().filter(times -> times.status() == FindingStatus.RESOLVED
                && times.resolvedAt() != null).toList();
        var groups = resolved.stream().collect(Collectors.groupingBy(times ->
                new Group(times.severity(), Objects.requireNonNullElse(times.team(), NO_TEAM))));
        return groups.entrySet().stream().map(group -> new TimeToRemediate(group.getKey().severity(), group.getKey().team(),
                        group.getValue().size(), group.getValue().stream().mapToDouble(RemediationMetrics::days).average().orElse(0)))
                .sorted(Comparator.comparing(TimeToRemediate::severity).reversed().thenComparing(TimeToRemediate::team))
                .toList();
    }

    private static double days(FindingTimes times) {
        return Duration.between(times.firstSeen(), times.resolvedAt()).toMinutes() / (24.0 * 60);
    }

    private record Group(Severity severity, String team) {
    }

    public record TimeToRemediate(Severity severity, String team, int resolved, double meanDays) {
    }
}
