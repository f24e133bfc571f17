package io.posture.collect.internal;

import io.posture.collect.CollectionRunCompleted;
import io.posture.collect.RunViews.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Announces a finished run, which evaluates its cluster. Should the evaluation fail, the run says
 * so (FAILED with the reason) instead of claiming a complete run whose findings never came.
 */
@Component
public class RunCompletion {

    private static final Logger log = LoggerFactory.getLogger(RunCompletion.class);

    private final CollectionRunRepository runs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RunCompletion(CollectionRunRepository runs, ApplicationEventPublisher events, Clock clock) {
        this.runs = runs;
        this.events = events;
        this.clock = clock;
    }

    /** Announces the run; a run that stored nothing in any cluster ({@code clusterId} null) has nothing to evaluate. */
    public RunSummary announce(CollectionRunEntity run, Long clusterId) {
        if (clusterId == null) {
            return run.toSummary();
        }
        try {
            events.publishEvent(new CollectionRunCompleted(run.getId(), clusterId, run.getClusterName(), run.getStatus()));
            return run.toSummary();
        } catch (RuntimeException e) {
            return failed(run, e).toSummary();
        } catch (Error e) {
            // out of memory, say: the run must not stay COMPLETE over an evaluation that never finished;
            // the evaluation's garbage is unreachable by now, and the error still goes to the caller
            failed(run, e);
            throw e;
        }
    }

    private CollectionRunEntity failed(CollectionRunEntity run, Throwable e) {
        log.error("Evaluation after run {} of cluster {} failed", run.getId(), run.getClusterName(), e);
        var reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        run.fail(clock.instant(), "evaluation", "the cluster could not be evaluated (" + reason
                + "); workloads evaluated before the failure have new results, the others keep their earlier ones,"
                + " and scores stay as they were until an evaluation succeeds");
        return runs.save(run);
    }
}
