package io.posture.scoring;

import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.Control;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.benchmark.Severity;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryViews.ClusterInfo;
import io.posture.inventory.WorkloadKind;
import io.posture.scoring.ScoreViews.ClusterScore;
import io.posture.scoring.ScoreViews.ControlRanking;
import io.posture.scoring.ScoreViews.ControlResultView;
import io.posture.scoring.ScoreViews.ControlSummary;
import io.posture.scoring.ScoreViews.HeatRow;
import io.posture.scoring.ScoreViews.NamespaceScore;
import io.posture.scoring.ScoreViews.ResourceResult;
import io.posture.scoring.ScoreViews.ScoreFigure;
import io.posture.scoring.ScoreViews.ScoreScope;
import io.posture.scoring.ScoreViews.SectionSummary;
import io.posture.scoring.ScoreViews.Trend;
import io.posture.scoring.ScoreViews.TrendPoint;
import io.posture.scoring.ScoreViews.WorkloadScore;
import io.posture.scoring.internal.ControlResultEntity;
import io.posture.scoring.internal.ControlResultRepository;
import io.posture.scoring.internal.ScoreSnapshotEntity;
import io.posture.scoring.internal.ScoreSnapshotEntity.Scope;
import io.posture.scoring.internal.ScoreSnapshotRepository;
import io.posture.scoring.internal.Tally;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read side of scores and control results, enriched with the catalogue's titles and texts. */
@Service
@Transactional(readOnly = true)
public class ScoreQueries {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
    };
    private static final int EXAMPLES = 5;
    private static final ScoreFigure NO_FIGURE = new ScoreFigure(null, null, 0, 0, 0, 0);

    private final ControlResultRepository results;
    private final ScoreSnapshotRepository snapshots;
    private final InventoryQueries inventory;
    private final BenchmarkCatalog catalog;
    private final JsonMapper json;
    private final Clock clock;

    ScoreQueries(ControlResultRepository results, ScoreSnapshotRepository snapshots, InventoryQueries inventory,
                 BenchmarkCatalog catalog, JsonMapper json, Clock clock) {
        this.results = results;
        this.snapshots = snapshots;
        this.inventory = inventory;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
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

    /** Every cluster's current score for every benchmark, from one read of the current snapshots (no history). */
    public List<ScoreViews.CurrentScore> currentScores() {
        var names = inventory.clusters().stream().collect(Collectors.toMap(ClusterInfo::id, ClusterInfo::name));
        return snapshots.currentClusterScores().stream().filter(snapshot -> names.containsKey(snapshot.getClusterId()))
                .map(snapshot -> new ScoreViews.CurrentScore(names.get(snapshot.getClusterId()), snapshot.getBenchmarkId(),
                        snapshot.getScore(), snapshot.getCoverage()))
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
            results.worstSeverity(clusterId, ids, benchmarkId, ControlStatus.FAIL)
                    .forEach(row -> worst.put((Long) row[0], (Severity) row[1]));
        }
        return page.map(tally -> new WorkloadScore(tally.workloadId(), WorkloadKind.valueOf(tally.kind()), tally.name(),
                ScoreFormula.score(tally.passedWeight(), tally.evaluatedWeight()), tally.passed(), tally.failed(),
                worst.get(tally.workloadId())));
    }

    /** The score of a scope (optionally one section), computed from its current results. */
    public ScoreFigure figure(String benchmarkId, ScoreScope scope, String sectionId) {
        return results.tallyScope(benchmarkId, scope.clusterId(), scope.namespace(), scope.team(), sectionId).stream()
                .findFirst().map(ScoreQueries::figure).orElse(NO_FIGURE);
    }

    /**
     * Explains a scope's score: the controls whose failures cost it the most points, each with
     * some of its failing resources. Points lost by a control = 100 × its failing weight / the
     * scope's evaluated weight, so the points of all controls add up to 100 − score.
     */
    public List<ControlRanking> explain(String benchmarkId, ScoreScope scope, String sectionId, int limit) {
        var benchmark = catalog.get(benchmarkId);
        var total = results.tallyScope(benchmarkId, scope.clusterId(), scope.namespace(), scope.team(), sectionId)
                .stream().findFirst().map(Tally::evaluatedWeight).orElse(0L);
        if (total == 0) {
            return List.of();
        }
        return results.costliestControls(benchmarkId, scope.clusterId(), scope.namespace(), scope.team(), sectionId,
                PageRequest.of(0, limit)).stream().map(tally -> {
            var control = benchmark.control(tally.controlId()).orElseThrow();
            var examples = results.resultsOfControl(benchmarkId, tally.controlId(), scope.clusterId(), scope.namespace(),
                    scope.team(), sectionId, PageRequest.of(0, EXAMPLES)).getContent().stream()
                    .filter(result -> result.getStatus() == ControlStatus.FAIL).map(this::toResourceResult).toList();
            return new ControlRanking(benchmarkId, control.id(), control.title(), control.severity(),
                    tally.failingResources(), 100.0 * tally.pointsLost() / total, examples);
        }).toList();
    }

    public long failingControls(String benchmarkId) {
        return results.countFailingControls(benchmarkId);
    }

    /** Each section of a benchmark in a scope: its score and its controls' status counts (two queries). */
    public List<SectionSummary> sections(String benchmarkId, ScoreScope scope) {
        var benchmark = catalog.get(benchmarkId);
        var counts = new HashMap<String, Map<ControlStatus, Long>>();
        results.statusCounts(benchmarkId, scope.clusterId(), scope.namespace(), scope.team(), null).forEach(count ->
                counts.computeIfAbsent(count.controlId(), id -> new EnumMap<>(ControlStatus.class))
                        .put(count.status(), count.count()));
        var figures = new HashMap<String, ScoreFigure>();
        results.tallyScopeBySection(benchmarkId, scope.clusterId(), scope.namespace(), scope.team(), null)
                .forEach(tally -> figures.put(tally.key(), figure(tally)));
        return benchmark.sections().stream().map(section -> new SectionSummary(section.id(), section.title(),
                figures.getOrDefault(section.id(), NO_FIGURE),
                section.controls().stream().map(control -> new ControlSummary(control.id(), control.title(),
                        control.severity(), sourceLabel(benchmark, control),
                        counts.getOrDefault(control.id(), Map.of()))).toList())).toList();
    }

    /** The results of one control in a scope, failures first. */
    public Page<ResourceResult> controlResults(String benchmarkId, String controlId, ScoreScope scope, Pageable pageable) {
        return results.resultsOfControl(benchmarkId, controlId, scope.clusterId(), scope.namespace(), scope.team(), null,
                pageable).map(this::toResourceResult);
    }

    /** Failing share per control and cluster, controls with the most failing clusters first. */
    public List<HeatRow> heatMap(String benchmarkId) {
        var benchmark = catalog.get(benchmarkId);
        var cells = new HashMap<String, Map<Long, Double>>();
        results.heatMap(benchmarkId).forEach(cell -> {
            if (cell.evaluated() > 0) {
                cells.computeIfAbsent(cell.controlId(), id -> new HashMap<>())
                        .put(cell.clusterId(), (double) cell.failed() / cell.evaluated());
            }
        });
        return benchmark.controls().filter(control -> cells.containsKey(control.id()))
                .map(control -> new HeatRow(control.id(), control.title(), control.severity(), cells.get(control.id())))
                .sorted(Comparator.comparing((HeatRow row) -> -row.failingShare().values().stream().filter(share -> share > 0).count())
                        .thenComparing(row -> row.severity(), Comparator.reverseOrder()))
                .toList();
    }

    /** A scope's score over the last {@code days} days (7, 30, 90), for a benchmark or one section. */
    public Trend trend(String benchmarkId, ScoreScope scope, String sectionId, int days) {
        var to = clock.instant();
        return trend(benchmarkId, scope, sectionId, to.minus(Duration.ofDays(days)), to);
    }

    /** The snapshots of a scope between two moments (evidence reports draw the trend up to their "as of"). */
    public Trend trend(String benchmarkId, ScoreScope scope, String sectionId, Instant from, Instant to) {
        Scope kind;
        if (scope.team() != null) {
            kind = Scope.TEAM;
        } else if (scope.namespace() != null) {
            kind = Scope.NAMESPACE;
        } else {
            kind = scope.clusterId() != null ? Scope.CLUSTER : Scope.ESTATE;
        }
        var key = ScoreSnapshotEntity.scopeKey(kind, scope.clusterId(), scope.namespace(), scope.team());
        return new Trend(from, to, snapshots.trend(kind, key, benchmarkId, sectionId == null ? "" : sectionId, from).stream()
                .filter(snapshot -> !snapshot.getTakenAt().isAfter(to))
                .map(snapshot -> new TrendPoint(snapshot.getTakenAt(), snapshot.getScore(), snapshot.getCoverage())).toList());
    }

    /** The teams that have score snapshots for a benchmark, by name. */
    public List<String> teams(String benchmarkId) {
        return snapshots.scopeKeys(Scope.TEAM, benchmarkId);
    }

    /** A workload's results, failures first and most severe first. */
    public List<ControlResultView> workloadResults(long clusterId, long workloadId, String benchmarkId) {
        return views(catalog.get(benchmarkId), results.findByClusterIdAndWorkloadIdAndBenchmarkId(clusterId, workloadId, benchmarkId));
    }

    /** A node's or Docker host's results from its latest report, failures first; {@code clusterId} null outside clusters. */
    public List<ControlResultView> hostResults(Long clusterId, long hostId, String benchmarkId) {
        return views(catalog.get(benchmarkId),
                results.findByClusterIdAndWorkloadIdIsNullAndHostIdAndBenchmarkIdOrderById(clusterId, hostId, benchmarkId));
    }

    private List<ControlResultView> views(Benchmark benchmark, List<ControlResultEntity> found) {
        return found.stream().map(result -> {
            var control = benchmark.control(result.getControlId()).orElseThrow();
            var section = benchmark.section(control.sectionId()).orElseThrow();
            return new ControlResultView(control.id(), section.title(), control.title(), control.severity(),
                    result.getStatus(), json.readValue(result.getEvidence(), EVIDENCE), control.rationale(),
                    control.remediation());
        }).sorted(Comparator.comparing((ControlResultView view) -> view.status() != ControlStatus.FAIL)
                .thenComparing(ControlResultView::severity, Comparator.reverseOrder())
                .thenComparing(ControlResultView::controlId)).toList();
    }

    private ResourceResult toResourceResult(ControlResultEntity result) {
        return new ResourceResult(result.getClusterId(), result.getNamespace(), result.getWorkloadId(), result.getHostId(),
                result.getResourceKind(), result.getResourceName(), result.getStatus(),
                json.readValue(result.getEvidence(), EVIDENCE));
    }

    private static String sourceLabel(Benchmark benchmark, io.posture.benchmark.Control control) {
        return switch (control.source()) {
            case RULE -> "rule " + control.rule();
            case REPORT -> benchmark.reportTool() + " report";
            case MANUAL -> "manual";
        };
    }

    private static ScoreFigure figure(Tally tally) {
        return new ScoreFigure(tally.score(), tally.coverage(), tally.passed(), tally.failed(), tally.excepted(),
                tally.unknown());
    }
}
