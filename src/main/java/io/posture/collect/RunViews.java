package io.posture.collect;

import java.time.Instant;

/** Read models of collection runs. */
public final class RunViews {

    private RunViews() {
    }

    public record RunSummary(long id, String clusterName, String source, RunStatus status, Instant startedAt,
                             Instant finishedAt, int filesRead, int filesFailed, int objectsStored, int objectsSkipped,
                             String message, String kindCounts, int kindsDone, int kindsTotal, int objectsRead,
                             int objectsRemoved) {
    }

    public record RunProblem(String location, String message) {
    }
}
