package io.posture.collect.internal;

import io.posture.collect.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run whose evaluation fails, by an exception or an error such as running out of memory, ends FAILED with the reason. */
@SpringBootTest
class RunCompletionTest {

    @Autowired
    CollectionRunRepository runs;
    @Autowired
    Clock clock;

    @Test
    void anEvaluationThatThrowsFailsTheRunWithItsReason() {
        var completion = new RunCompletion(runs, throwing(new IllegalStateException("lock timeout")), clock);

        var summary = completion.announce(completedRun("thrown"), 1L);

        assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
        assertThat(summary.message()).contains("could not be evaluated (lock timeout)");
        assertThat(runs.findById(summary.id()).orElseThrow().getStatus()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void anErrorFailsTheRunToo_andStillReachesTheCaller() {
        var completion = new RunCompletion(runs, throwing(new OutOfMemoryError("Java heap space")), clock);
        var run = completedRun("out-of-memory");

        assertThatThrownBy(() -> completion.announce(run, 1L)).isInstanceOf(OutOfMemoryError.class);

        var stored = runs.findById(run.getId()).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(stored.toSummary().message()).contains("could not be evaluated (Java heap space)");
    }

    private CollectionRunEntity completedRun(String cluster) {
        var run = new CollectionRunEntity(cluster, "test", clock.instant());
        run.finish(1L, RunStatus.COMPLETE, clock.instant(), 1, 0, 1, 0, null, List.of());
        return runs.save(run);
    }

    private static ApplicationEventPublisher throwing(Throwable failure) {
        return event -> {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        };
    }
}
