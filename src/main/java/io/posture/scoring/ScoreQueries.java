package io.posture.scoring;

import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.benchmark.Severity;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryViews.ClusterInfo;
import io.posture.scoring.ScoreViews.ClusterScore;
import io.posture.scoring.ScoreViews.ControlRanking;
import io.posture.scoring.ScoreViews.ControlResultView;
import io.posture.scoring.ScoreViews.NamespaceScore;
import io.posture.scoring.ScoreViews.WorkloadScore;
import io.posture.scoring.internal.ControlResultRepository;
import io.posture.scoring.internal.ScoreSnapshotRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read side of scores and control results, enriched with the catalogue's titles and texts. */
@Service
@Transactional(readOnly = true)
public class ScoreQueries {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
    };

    private final ControlResultRepository results;
    private final ScoreSnapshotRepository snapshots;
    private final InventoryQueries inventory;
    private final BenchmarkCatalog catalog;
    private final JsonMapper json;

    ScoreQueries(ControlResultRepository results, ScoreSnapshotRepository snapshots, InventoryQueries inventory,
                 BenchmarkCatalog catalog, JsonMapper json) {
        this.results = results;
        this.snapshots = snapshots;
        this.inventory = inventory;
        this.catalog = catalog;
        this.json = json;
    }

    public List<ClusterScore> clusterScores(String benchmarkId) {
        var clusters = inventory.clusters().stream().collect(Collectors.toMap(ClusterInfo::id, Function.identity()));
        return snapshots.currentClusterScores().stream()
                .filter(snapshot -> snapshot.getBenchmarkId().equals(benchmarkId))
                .filter(snapshot -> clusters.containsKey(snapshot.getClusterId()))
                .map(snapshot -> {
                    var cluster = clusters.get(snapshot.getClusterId());
                    var history = snapshots.clusterHistory(cluster.id(), benchmarkId, PageRequest.of(0, 2));
                    var previous = history.size() > 1 ? history.get(1).getScore() : null;
                    return new ClusterScore(cluster.id(), cluster.name(), cluster.environment(), benchmarkId,
                            snapshot.getScore(), snapshot.getCoverage(), snapshot.getPassed(), snapshot.getFailed(),
                            previous, snapshot.getTakenAt());
                })
                .sorted(Comparator.comparing(ClusterScore::clusterName))
                .toList();
    }

    public Page<NamespaceScore> namespaceScores(long clusterId, String benchmarkId, Pageable pageable) {
        return snapshots.currentNamespaceScores(clusterId, benchmarkId, pageable).map(snapshot -> new NamespaceScore(
                snapshot.getNamespace(), snapshot.getTeam(), snapshot.getScore(), snapshot.getCoverage(),
                snapshot.getPassed(), snapshot.getFailed()));
    }

    public Page<WorkloadScore> workloadScores(long clusterId, String namespace, String benchmarkId, Pageable pageable) {
        var page = results.tallyWorkloads(clusterId, namespace, benchmarkId, pageable);
        var ids = page.getContent().stream().map(tally -> tally.workloadId()).toList();
        var worst = new HashMap<Long, Severity>();
        if (!ids.isEmpty()) {
            results.worstSeverity(ids, benchmarkId, ControlStatus.FAIL)
                    .forEach(row -> worst.put((Long) row[0], (Severity) row[1]));
        }
        return page.map(tally -> new WorkloadScore(tally.workloadId(), tally.kind(), tally.name(),
                ScoreFormula.score(tally.passedWeight(), tally.evaluatedWeight()), tally.passed(), tally.failed(),
                worst.get(tally.workloadId())));
    }

    public List<ControlRanking> worstControls(String benchmarkId, int limit) {
        var benchmark = catalog.get(benchmarkId);
        return results.worstControls(benchmarkId, PageRequest.of(0, limit)).stream().map(tally -> {
            var control = benchmark.control(tally.controlId()).orElseThrow();
            return new ControlRanking(benchmarkId, control.id(), control.title(), control.severity(),
                    tally.failingResources(), tally.pointsLost());
        }).toList();
    }

    public long failingControls(String benchmarkId) {
        return results.countFailingControls(benchmarkId);
    }

    /**
     * Every failing (control, workload) pair of a cluster, excepted ones included, once per control
     * even where several enabled benchmarks share it (Restricted includes Baseline).
     */
    public List<ScoreViews.Failure> failures(long clusterId) {
        var seen = new HashSet<String>();
        var failures = new ArrayList<ScoreViews.Failure>();
        for (var result : results.findFailing(clusterId, List.of(ControlStatus.FAIL, ControlStatus.EXCEPTED))) {
            if (seen.add(result.workloadId() + "|" + result.controlId())) {
                var control = catalog.get(result.benchmarkId()).control(result.controlId()).orElseThrow();
                failures.add(new ScoreViews.Failure(result.workloadId(), result.workloadKind(), result.namespace(),
                        result.workloadName(), control.id(), control.title(), control.severity(),
                        json.readValue(result.evidence(), EVIDENCE)));
            }
        }
        return failures;
    }

    /** A workload's results, failures first and most severe first. */
    public List<ControlResultView> workloadResults(long workloadId, String benchmarkId) {
        var benchmark = catalog.get(benchmarkId);
        return results.findByWorkloadIdAndBenchmarkId(workloadId, benchmarkId).stream().map(result -> {
            var control = benchmark.control(result.getControlId()).orElseThrow();
            var section = benchmark.sections().stream().filter(s -> s.id().equals(control.sectionId())).findFirst().orElseThrow();
            return new ControlResultView(control.id(), section.title(), control.title(), control.severity(),
                    result.getStatus(), json.readValue(result.getEvidence(), EVIDENCE), control.rationale(),
                    control.remediation());
        }).sorted(Comparator.comparing((ControlResultView view) -> view.status() != ControlStatus.FAIL)
                .thenComparing(ControlResultView::severity, Comparator.reverseOrder())
                .thenComparing(ControlResultView::controlId)).toList();
    }
}
