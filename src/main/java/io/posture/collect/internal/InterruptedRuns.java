package io.posture.collect.internal;

import io.posture.collect.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * At start, a run still RUNNING was cut off by a crash or a kill (one Posture process writes
 * runs): it ends FAILED as "interrupted", so no page shows it running forever. What it stored
 * stays; the scoring module evaluates such clusters again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InterruptedRuns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final CollectionRunRepository runs;
    private final Clock clock;

    InterruptedRuns(CollectionRunRepository runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var now = clock.instant();
        var interrupted = runs.findByStatus(RunStatus.RUNNING);
        interrupted.forEach(run -> run.fail(now, "interrupted",
                "Posture stopped while this run was in progress; objects stored before that are kept"));
        runs.saveAll(interrupted);
        if (!interrupted.isEmpty()) {
            log.warn("{} collection runs were interrupted by the last stop and are marked FAILED", interrupted.size());
        }
    }
}
