package io.posture.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.posture.collect.CollectionRunCompleted;
import io.posture.collect.CollectionRuns;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** How long each collection run took, by status: {@code posture_collection_run_duration_seconds_*}. */
@Component
class CollectionRunTimer {

    private final MeterRegistry registry;
    private final CollectionRuns runs;

    CollectionRunTimer(MeterRegistry registry, CollectionRuns runs) {
        this.registry = registry;
        this.runs = runs;
    }

    @EventListener
    void onRunCompleted(CollectionRunCompleted completed) {
        runs.run(completed.runId()).filter(run -> run.finishedAt() != null).ifPresent(run -> Timer
                .builder("posture.collection.run.duration").description("Duration of a collection run, from start to its status")
                .tag("status", run.status().name()).register(registry)
                .record(Duration.between(run.startedAt(), run.finishedAt())));
    }
}
