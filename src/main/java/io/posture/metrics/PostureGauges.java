package io.posture.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.posture.benchmark.Severity;
import io.posture.collect.CollectionRuns;
import io.posture.collect.RunStatus;
import io.posture.findings.FindingService;
import io.posture.remediation.TaskService;
import io.posture.scoring.ScoreQueries;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posture's state as gauges, read from the database every 30 seconds (a scrape then costs nothing,
 * and a cluster that is gone drops out of the next refresh). A cluster without a score for a
 * benchmark has no score series, never a zero.
 */
@Component
class PostureGauges {

    private final ScoreQueries scores;
    private final FindingService findings;
    private final TaskService tasks;
    private final CollectionRuns runs;
    private final MultiGauge score;
    private final MultiGauge coverage;
    private final MultiGauge activeFindings;
    private final MultiGauge runsByStatus;
    private final AtomicLong overdueTasks = new AtomicLong();

    PostureGauges(MeterRegistry registry, ScoreQueries scores, FindingService findings, TaskService tasks,
                  CollectionRuns runs) {
        this.scores = scores;
        this.findings = findings;
        this.tasks = tasks;
        this.runs = runs;
        score = MultiGauge.builder("posture.score").description("Current score of a cluster against a benchmark, 0-100")
                .register(registry);
        coverage = MultiGauge.builder("posture.coverage")
                .description("Share of a cluster's applicable (control, resource) pairs that could be evaluated, 0-100")
                .register(registry);
        activeFindings = MultiGauge.builder("posture.findings.active").description("Findings open or in progress, by severity")
                .register(registry);
        runsByStatus = MultiGauge.builder("posture.collection.runs").description("Collection runs by status, all time")
                .register(registry);
        registry.gauge("posture.tasks.overdue", Tags.empty(), overdueTasks);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${posture.metrics.refresh:30s}")
    void refresh() {
        var scoreRows = new ArrayList<Row<?>>();
        var coverageRows = new ArrayList<Row<?>>();
        for (var current : scores.currentScores()) {
            var tags = Tags.of("cluster", current.clusterName(), "benchmark", current.benchmarkId());
            if (current.score() != null) {
                scoreRows.add(Row.of(tags, current.score()));
            }
            if (current.coverage() != null) {
                coverageRows.add(Row.of(tags, current.coverage()));
            }
        }
        score.register(scoreRows, true);
        coverage.register(coverageRows, true);
        var active = findings.activeBySeverity();
        activeFindings.register(Arrays.stream(Severity.values())
                .map(severity -> Row.of(Tags.of("severity", severity.name()), active.getOrDefault(severity, 0L)))
                .map(row -> (Row<?>) row).toList(), true);
        var byStatus = runs.countByStatus();
        runsByStatus.register(Arrays.stream(RunStatus.values())
                .map(status -> Row.of(Tags.of("status", status.name()), byStatus.getOrDefault(status, 0L)))
                .map(row -> (Row<?>) row).toList(), true);
        overdueTasks.set(tasks.overdueCount());
    }
}
