package io.posture.scoring.internal;

import io.posture.inventory.InventoryQueries;
import io.posture.scoring.EvaluationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;

/**
 * At start, evaluates again every cluster whose inventory changed after its latest evaluation: a
 * crash or kill between storing a collection and evaluating it must not leave workloads without
 * findings until the next collection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class IncompleteEvaluations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IncompleteEvaluations.class);

    private final InventoryQueries inventory;
    private final EvaluationRecordRepository records;
    private final EvaluationService evaluation;

    IncompleteEvaluations(InventoryQueries inventory, EvaluationRecordRepository records, EvaluationService evaluation) {
        this.inventory = inventory;
        this.records = records;
        this.evaluation = evaluation;
    }

    @Override
    public void run(ApplicationArguments args) {
        var evaluatedAt = new HashMap<Long, Instant>();
        records.latestByCluster().forEach(row -> evaluatedAt.put((Long) row[0], (Instant) row[1]));
        for (var cluster : inventory.clusters()) {
            var latest = evaluatedAt.get(cluster.id());
            if (latest == null || cluster.lastSeen().isAfter(latest)) {
                log.warn("Cluster {} changed after its latest evaluation ({}): evaluating it again", cluster.name(), latest);
                try {
                    evaluation.reevaluate(cluster.id());
                } catch (RuntimeException e) {
                    log.error("Cluster {} could not be evaluated again", cluster.name(), e);
                }
            }
        }
    }
}
