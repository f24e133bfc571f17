package io.posture.scoring;

import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.BenchmarkEvaluator;
import io.posture.benchmark.BenchmarkRef;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.benchmark.PodSubject;
import io.posture.collect.CollectionRunCompleted;
import io.posture.collect.RunStatus;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryViews.WorkloadPodSpec;
import io.posture.scoring.internal.ControlResultEntity;
import io.posture.scoring.internal.ControlResultRepository;
import io.posture.scoring.internal.ScoreSnapshotEntity;
import io.posture.scoring.internal.ScoreSnapshotEntity.Scope;
import io.posture.scoring.internal.ScoreSnapshotRepository;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Re-evaluates a cluster after each collection run that read something, replacing its control
 * results and recording score snapshots for the cluster, its namespaces and the estate.
 */
@Service
public class EvaluationService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);
    private static final int PAGE = 200;

    private final InventoryQueries inventory;
    private final BenchmarkCatalog catalog;
    private final BenchmarkEvaluator evaluator;
    private final ControlResultRepository results;
    private final ScoreSnapshotRepository snapshots;
    private final ScoreFormula formula;
    private final JsonMapper json;
    private final Clock clock;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ExceptedResults> exceptedResults;
    private final List<BenchmarkRef> enabled;

    EvaluationService(InventoryQueries inventory, BenchmarkCatalog catalog, BenchmarkEvaluator evaluator,
                      ControlResultRepository results, ScoreSnapshotRepository snapshots, ScoreFormula formula,
                      JsonMapper json, Clock clock, EntityManager entityManager, ApplicationEventPublisher events,
                      ObjectProvider<ExceptedResults> exceptedResults,
                      @Value("${posture.scoring.benchmarks:pss-baseline,pss-restricted}") List<String> enabled) {
        this.inventory = inventory;
        this.catalog = catalog;
        this.evaluator = evaluator;
        this.results = results;
        this.snapshots = snapshots;
        this.formula = formula;
        this.json = json;
        this.clock = clock;
        this.entityManager = entityManager;
        this.events = events;
        this.exceptedResults = exceptedResults;
        this.enabled = enabled.stream().map(BenchmarkRef::parse).toList();
        this.enabled.forEach(ref -> catalog.get(ref.benchmarkId()));
    }

    @EventListener
    @Transactional
    public void onRunCompleted(CollectionRunCompleted run) {
        if (run.status() != RunStatus.FAILED) {
            evaluateCluster(run.clusterId());
            events.publishEvent(new ClusterEvaluated(run.clusterId(), run.clusterName(), run.status()));
        }
    }

    @Transactional
    public void evaluateCluster(long clusterId) {
        long started = System.nanoTime();
        var now = clock.instant();
        results.deleteByClusterId(clusterId);
        var clusterName = inventory.clusterName(clusterId);
        Predicate<ExceptedResults.FailingPair> excepted = exceptedResults.stream().findFirst()
                .map(lookup -> lookup.forCluster(clusterName)).orElse(pair -> false);
        var unreadKinds = inventory.unreadKinds(clusterId);
        int count = 0;
        var page = inventory.podSpecs(clusterId, PageRequest.of(0, PAGE));
        while (true) {
            var batch = new ArrayList<ControlResultEntity>();
            page.forEach(workload -> batch.addAll(evaluate(workload, excepted, unreadKinds.contains(workload.kind().name()), now)));
            results.saveAll(batch);
            // keep the persistence context to one page: a large cluster has hundreds of thousands of results
            entityManager.flush();
            entityManager.clear();
            count += batch.size();
            if (!page.hasNext()) {
                break;
            }
            page = inventory.podSpecs(clusterId, page.nextPageable());
        }
        recordSnapshots(clusterId, now);
        log.info("Evaluated cluster {}: {} control results in {} ms", clusterId, count,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A workload whose kind the latest collection could not read is known only by its last state: its
     * controls report UNKNOWN (lowering coverage, not the score), never a PASS on stale data.
     */
    private List<ControlResultEntity> evaluate(WorkloadPodSpec workload, Predicate<ExceptedResults.FailingPair> excepted,
                                               boolean kindUnread, Instant now) {
        var subject = new PodSubject(workload.kind().name(), workload.namespace(), workload.name(),
                json.readTree(workload.podAnnotationsJson() == null ? "{}" : "{\"annotations\":" + workload.podAnnotationsJson() + "}"),
                json.readTree(workload.podSpecJson()), workload.kind().specPath(), workload.kind().metadataPath());
        var entities = new ArrayList<ControlResultEntity>();
        for (var ref : enabled) {
            var benchmark = catalog.get(ref.benchmarkId());
            var version = ref.versionFor(benchmark);
            for (var outcome : evaluator.evaluate(benchmark, version, subject)) {
                var control = outcome.control();
                var status = outcome.status() == ControlStatus.FAIL && excepted.test(new ExceptedResults.FailingPair(
                        workload.kind().name(), workload.namespace(), workload.name(), control.id()))
                        ? ControlStatus.EXCEPTED : outcome.status();
                var evidence = outcome.evidence();
                if (kindUnread && status != ControlStatus.NOT_APPLICABLE) {
                    status = ControlStatus.UNKNOWN;
                    evidence = List.of(new Evidence("collection", workload.kind().name()
                            + " objects could not be read in the latest collection; this one is known only from an earlier run"));
                }
                entities.add(new ControlResultEntity(workload.clusterId(), workload.namespace(), workload.id(),
                        workload.kind(), workload.name(), benchmark.id(), version.toString(), control.id(),
                        control.severity(), formula.weight(control.severity()), status,
                        json.writeValueAsString(evidence), now));
            }
        }
        return entities;
    }

    private void recordSnapshots(long clusterId, Instant now) {
        snapshots.retireCurrent(clusterId);
        var teams = inventory.teamsByNamespace(clusterId);
        var taken = new ArrayList<ScoreSnapshotEntity>();
        results.tallyByNamespace(clusterId).forEach(tally -> taken.add(new ScoreSnapshotEntity(Scope.NAMESPACE,
                clusterId, tally.namespace(), teams.get(tally.namespace()), tally.benchmarkId(), ScoreFormula.VERSION, tally, now)));
        results.tallyCluster(clusterId).forEach(tally -> taken.add(new ScoreSnapshotEntity(Scope.CLUSTER,
                clusterId, null, null, tally.benchmarkId(), ScoreFormula.VERSION, tally, now)));
        results.tallyEstate().forEach(tally -> taken.add(new ScoreSnapshotEntity(Scope.ESTATE,
                null, null, null, tally.benchmarkId(), ScoreFormula.VERSION, tally, now)));
        snapshots.saveAll(taken);
    }
}
