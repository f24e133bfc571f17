package io.posture.collect.internal;

import io.posture.inventory.InventoryWriter;
import io.posture.inventory.ObservedResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Writes what a collection observed in transactions of at most {@value #BATCH} objects, so that a
 * large file neither holds locks for long nor grows one persistence context without bound. A batch
 * that meets another import's lock is tried again after a pause; a batch that still cannot be
 * written is rolled back whole and reported, never half applied.
 */
@Component
public class BatchWriter {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);

    private final InventoryWriter inventory;
    private final Clock clock;

    BatchWriter(InventoryWriter inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    /** Writes every batch; returns how many objects were stored. Throws the last failure of a batch that could not be written. */
    public int write(long clusterId, long runId, List<ObservedResource> observed) {
        for (int from = 0; from < observed.size(); from += BATCH) {
            var batch = observed.subList(from, Math.min(observed.size(), from + BATCH));
            for (int attempt = 1; ; attempt++) {
                try {
                    inventory.record(clusterId, runId, clock.instant(), batch);
                    break;
                } catch (TransientDataAccessException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    log.info("Batch of {} objects met a lock (attempt {} of {}); trying again", batch.size(), attempt, ATTEMPTS);
                    pause(FIRST_PAUSE.multipliedBy(1L << (attempt - 1)));
                }
            }
        }
        return observed.size();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a lock", e);
        }
    }
}
