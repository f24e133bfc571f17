package io.posture.collect.internal;

import io.posture.collect.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * At start, a run still RUNNING was cut off by a crash or a kill: it ends FAILED as
 * "interrupted", so no page shows it running forever. What it stored stays; the scoring module
 * evaluates such clusters again. On H2 this process is the only one (the file is locked), so every
 * RUNNING run is another life's; several instances may share PostgreSQL, so there only a run
 * older than {@code posture.collect.run-timeout} is taken for interrupted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InterruptedRuns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final CollectionRunRepository runs;
    private final Clock clock;
    private final DataSource dataSource;
    private final Duration runTimeout;

    InterruptedRuns(CollectionRunRepository runs, Clock clock, DataSource dataSource,
                    @Value("${posture.collect.run-timeout:6h}") Duration runTimeout) {
        this.runs = runs;
        this.clock = clock;
        this.dataSource = dataSource;
        this.runTimeout = runTimeout;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var now = clock.instant();
        var startedBefore = soleInstance() ? now : now.minus(runTimeout);
        var interrupted = runs.findByStatus(RunStatus.RUNNING).stream()
                .filter(run -> run.getStartedAt().isBefore(startedBefore)).toList();
        interrupted.forEach(run -> run.fail(now, "interrupted",
                "Posture stopped while this run was in progress; objects stored before that are kept"));
        runs.saveAll(interrupted);
        if (!interrupted.isEmpty()) {
            log.warn("{} collection runs were interrupted by the last stop and are marked FAILED", interrupted.size());
        }
    }

    private boolean soleInstance() {
        try (var connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }
}
