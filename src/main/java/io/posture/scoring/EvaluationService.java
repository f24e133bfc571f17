package io.posture.scoring;

import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.BenchmarkCatalogChanged;
import io.posture.benchmark.BenchmarkEvaluator;
import io.posture.benchmark.ClusterSubject;
import io.posture.benchmark.Control;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.benchmark.PodSubject;
import io.posture.benchmark.PolicyVersion;
import io.posture.benchmark.Severity;
import io.posture.collect.CollectionRunCompleted;
import io.posture.collect.HostReportImported;
import io.posture.collect.ExploitIntelImported;
import io.posture.collect.ImageScansImported;
import io.posture.collect.RegistryCollected;
import io.posture.collect.HostReportViews.HostChecks;
import io.posture.collect.HostReports;
import io.posture.collect.RunStatus;
import io.posture.inventory.ImageCatalog;
import io.posture.inventory.InventoryQueries;
import io.posture.shared.ImageFacts;
import io.posture.inventory.InventoryViews.HostInfo;
import io.posture.inventory.InventoryViews.WorkloadPodSpec;
import io.posture.scoring.internal.EvaluationRecordRepository;
import io.posture.scoring.internal.EvaluationRecorder;
import io.posture.scoring.internal.ControlResultRepository;
import io.posture.scoring.internal.PageWrites;
import io.posture.scoring.internal.ResultResource;
import io.posture.scoring.internal.ResultRow;
import io.posture.scoring.internal.ResultWriter;
import io.posture.scoring.internal.ScoreSnapshotEntity;
import io.posture.scoring.internal.ScoreSnapshotEntity.Scope;
import io.posture.scoring.internal.ScoreSnapshotRepository;
import io.posture.scoring.internal.Tally;
import io.posture.scoring.internal.TallySums;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Re-evaluates a cluster whenever its inputs change (a collection that read something, a node
 * report, a change of its benchmarks or of the catalogue): replaces its control results, from
 * the inventory and the latest report of each node, and records score snapshots for the
 * cluster, its namespaces and sections, the teams and the estate. Docker hosts, outside any
 * cluster, are evaluated from their reports the same way.
 */
@Service
public class EvaluationService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);
    /** Workloads per page, and per transaction: a commit writes a chunk of H2's file, so fewer commits, less writing. */
    private static final int PAGE = 500;

    private final InventoryQueries inventory;
    private final ImageCatalog images;
    private final BenchmarkCatalog catalog;
    private final BenchmarkEvaluator evaluator;
    private final BenchmarkSelection selection;
    private final HostReports hostReports;
    private final ControlResultRepository results;
    private final ResultWriter writer;
    private final ScoreSnapshotRepository snapshots;
    private final EvaluationRecordRepository records;
    private final ScoreFormula formula;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ExceptedResults> exceptedResults;
    private final TransactionTemplate transactions;
    private final ReentrantLock evaluating = new ReentrantLock(true);

    EvaluationService(InventoryQueries inventory, ImageCatalog images, BenchmarkCatalog catalog, BenchmarkEvaluator evaluator,
                      BenchmarkSelection selection, HostReports hostReports, ControlResultRepository results, ResultWriter writer,
                      ScoreSnapshotRepository snapshots, EvaluationRecordRepository records, ScoreFormula formula, JsonMapper json, Clock clock,
                      ApplicationEventPublisher events,
                      ObjectProvider<ExceptedResults> exceptedResults, PlatformTransactionManager transactionManager) {
        this.inventory = inventory;
        this.images = images;
        this.catalog = catalog;
        this.evaluator = evaluator;
        this.selection = selection;
        this.hostReports = hostReports;
        this.results = results;
        this.writer = writer;
        this.snapshots = snapshots;
        this.records = records;
        this.formula = formula;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.exceptedResults = exceptedResults;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener
    public void onRunCompleted(CollectionRunCompleted run) {
        if (run.status() != RunStatus.FAILED) {
            serially(() -> {
                long number = evaluateCluster(run.clusterId());
                events.publishEvent(new ClusterEvaluated(run.clusterId(), run.clusterName(), run.status(), number));
            });
        }
    }

    @EventListener
    public void onHostReport(HostReportImported report) {
        serially(() -> {
            if (report.clusterId() == null) {
                evaluateDockerHosts();
            } else {
                evaluateAgain(report.clusterId());
            }
        });
    }

    @EventListener
    public void onImageScans(ImageScansImported scans) {
        serially(() -> images.clustersRunning(scans.imageIds()).forEach(this::evaluateAgain));
    }

    @EventListener
    public void onExploitIntel(ExploitIntelImported imported) {
        serially(() -> inventory.clusters().forEach(cluster -> evaluateAgain(cluster.id())));
    }

    @EventListener
    public void onRegistryCollected(RegistryCollected collected) {
        serially(() -> inventory.clusters().forEach(cluster -> evaluateAgain(cluster.id())));
    }

    @EventListener
    public void onSelectionChanged(BenchmarkSelection.Changed change) {
        serially(() -> evaluateAgain(change.clusterId()));
    }

    @EventListener
    public void onCatalogChanged(BenchmarkCatalogChanged change) {
        serially(() -> {
            inventory.clusters().forEach(cluster -> evaluateAgain(cluster.id()));
            evaluateDockerHosts();
        });
    }

    /**
     * Re-evaluation without a new collection: the inventory is the one the last run left, so the
     * evaluation counts as complete (a PARTIAL run's unread kinds stay recorded and stay UNKNOWN).
     */
    public void reevaluate(long clusterId) {
        serially(() -> evaluateAgain(clusterId));
    }

    private void evaluateAgain(long clusterId) {
        long number = evaluateCluster(clusterId);
        events.publishEvent(new ClusterEvaluated(clusterId, inventory.clusterName(clusterId), RunStatus.COMPLETE, number));
    }

    /**
     * One evaluation at a time: evaluations of different clusters write shared rows (images, estate
     * and team snapshots), and on H2 two at once made one wait past its lock timeout and fail after
     * its import had committed.
     */
    private void serially(Runnable evaluation) {
        evaluating.lock();
        try {
            evaluation.run();
        } finally {
            evaluating.unlock();
        }
    }

    /**
     * Evaluates one cluster, never while another evaluation runs (see {@link #serially}). Its
     * results are replaced a page of workloads at a time, each page in its own transaction: a
     * cluster's evaluation writes hundreds of thousands of rows, and H2 holds a transaction's
     * uncommitted changes in memory (one transaction for 5,000 Deployments ran a 512 MB heap out).
     * While it runs, a workload shows either its earlier results or its new ones, never a mix;
     * scores change once, at the end. Once a page is written, its failures are announced
     * ({@link FailuresRecorded}). Called inside a transaction, it joins that one. Returns the evaluation's number.
     */
    public long evaluateCluster(long clusterId) {
        evaluating.lock();
        try {
            return evaluateClusterNow(clusterId);
        } finally {
            evaluating.unlock();
        }
    }

    private long evaluateClusterNow(long clusterId) {
        long started = System.nanoTime();
        log.info("Evaluating cluster {}", clusterId);
        var now = clock.instant();
        var clusterName = inventory.clusterName(clusterId);
        Predicate<ExceptedResults.FailingPair> excepted = exceptedResults.stream().findFirst()
                .map(lookup -> lookup.forCluster(clusterName)).orElse(pair -> false);
        var unreadKinds = inventory.unreadKinds(clusterId);
        var teams = inventory.teamsByNamespace(clusterId);
        var enabled = selection.enabledFor(clusterId);
        var evaluation = new Evaluation(clusterId, clusterName, writer.nextEvaluation(), excepted, now,
                new EvaluationRecorder(clusterName));
        inTransaction(() -> images.refreshUses(clusterId, now));
        var subject = clusterSubject(clusterId, clusterName, unreadKinds);
        int count = evaluatePods(clusterId, enabled, unreadKinds, teams, evaluation, images.factsFor(clusterId, now),
                subject.serviceAccountAutomount());

        subject.objects().forEach(object -> {
            var input = json.createObjectNode().put("kind", object.kind()).put("namespace", object.namespace()).put("name", object.name());
            input.set("body", object.body());
            evaluation.recorder.addInput(input);
        });
        var hosts = inventory.hostsOf(clusterId);
        var provider = hosts.stream().map(HostInfo::managedPlatform).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        var batch = new ArrayList<ResultRow>();
        for (var selected : enabled) {
            var version = selected.ref().versionFor(selected.benchmark());
            for (var outcome : evaluator.evaluateCluster(selected.benchmark(), subject, provider)) {
                var namespace = outcome.namespace().isEmpty() ? null : outcome.namespace();
                var resource = new ResultResource(clusterId, namespace, namespace == null ? null : teams.get(namespace),
                        null, null, outcome.kind(), outcome.name());
                batch.add(evaluation.result(resource, selected.benchmark(), version, outcome.control(), outcome.status(),
                        outcome.evidence()));
            }
        }
        var reportBenchmarks = enabled.stream().map(BenchmarkSelection.Selected::benchmark)
                .filter(benchmark -> benchmark.reportTool() != null).toList();
        batch.addAll(reportResults(clusterId, hosts, reportBenchmarks, provider, evaluation));
        count += batch.size();
        inTransaction(() -> {
            writer.deleteClusterWide(clusterId);
            evaluation.save(batch);
            recordSnapshots(clusterId, teams, evaluation, now);
            records.save(evaluation.recorder.finish(clusterId, now));
        });
        log.info("Evaluated cluster {}: {} control results in {} ms", clusterId, count,
                (System.nanoTime() - started) / 1_000_000);
        return evaluation.number;
    }

    /** Docker hosts: their docker-bench reports, for the report benchmarks enabled by default. */
    public void evaluateDockerHosts() {
        var now = clock.instant();
        var benchmarks = catalog.all().stream().filter(benchmark -> benchmark.reportTool() != null)
                .filter(benchmark -> selection.enabledByDefault(benchmark.id())).toList();
        var evaluation = new Evaluation(null, null, writer.nextEvaluation(), pair -> false, now, new EvaluationRecorder(null));
        var rows = reportResults(null, inventory.hostsOf(null), benchmarks, null, evaluation);
        inTransaction(() -> {
            writer.deleteOutsideClusters();
            evaluation.save(rows);
            records.save(evaluation.recorder.finish(null, now));
            snapshots.retireEstateWide();
            snapshots.saveAll(estateWideSnapshots(now));
        });
    }

    /**
     * The cluster's workloads a page at a time in id order, each page's results replacing, in one
     * transaction, those of every workload id from the previous page's last one to its own last
     * (the last page: all ids past it): results of workloads that are gone go with them.
     */
    private int evaluatePods(long clusterId, List<BenchmarkSelection.Selected> enabled, Set<String> unreadKinds,
                             Map<String, String> teams, Evaluation evaluation, ImageFacts.ByReference imageFacts,
                             Map<String, Boolean> accountAutomount) {
        int count = 0;
        long after = Long.MIN_VALUE;
        var page = inventory.podSpecs(clusterId, PageRequest.of(0, PAGE));
        try (var writes = new PageWrites()) {
            while (true) {
                var batch = new ArrayList<ResultRow>();
                page.forEach(workload -> batch.addAll(evaluate(workload, enabled, unreadKinds.contains(workload.kind().name()),
                        teams.get(workload.namespace()), evaluation, imageFacts, accountAutomount)));
                evaluation.record(batch);
                var failures = evaluation.failures(batch);
                long from = after;
                long upTo = page.hasNext() ? page.getContent().getLast().id() : Long.MAX_VALUE;
                writes.write(() -> inTransaction(() -> {
                    writer.deleteOfWorkloads(clusterId, from, upTo);
                    writer.insert(batch);
                }), () -> inTransaction(() -> evaluation.announce(failures)));
                count += batch.size();
                if (!page.hasNext()) {
                    return count;
                }
                after = upTo;
                page = inventory.podSpecs(clusterId, page.nextPageable());
            }
        }
    }

    private void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    /**
     * A workload whose kind the latest collection could not read is known only by its last state: its
     * controls report UNKNOWN (lowering coverage, not the score), never a PASS on stale data.
     */
    private List<ResultRow> evaluate(WorkloadPodSpec workload, List<BenchmarkSelection.Selected> enabled,
                                               boolean kindUnread, String team, Evaluation evaluation,
                                               ImageFacts.ByReference imageFacts, Map<String, Boolean> accountAutomount) {
        var metadata = json.createObjectNode();
        metadata.set("annotations", json.readTree(workload.podAnnotationsJson() == null ? "{}" : workload.podAnnotationsJson()));
        metadata.set("labels", json.readTree(workload.labelsJson() == null ? "{}" : workload.labelsJson()));
        var podSpec = json.readTree(workload.podSpecJson());
        var account = workload.namespace() + "/" + podSpec.path("serviceAccountName").asString("default");
        var subject = new PodSubject(workload.kind().name(), workload.namespace(), workload.name(), metadata,
                podSpec, workload.kind().specPath(), workload.kind().metadataPath(), imageFacts, accountAutomount.get(account));
        var input = json.createObjectNode().put("kind", workload.kind().name()).put("namespace", workload.namespace())
                .put("name", workload.name());
        input.set("metadata", metadata);
        input.set("podSpec", podSpec);
        evaluation.recorder.addInput(input);
        var resource = new ResultResource(workload.clusterId(), workload.namespace(), team, workload.id(), null,
                workload.kind().name(), workload.name());
        var rows = new ArrayList<ResultRow>();
        for (var selected : enabled) {
            var version = selected.ref().versionFor(selected.benchmark());
            for (var outcome : evaluator.evaluate(selected.benchmark(), version, subject)) {
                var status = outcome.status();
                var evidence = outcome.evidence();
                if (kindUnread && status != ControlStatus.NOT_APPLICABLE) {
                    status = ControlStatus.UNKNOWN;
                    evidence = List.of(new Evidence("collection", workload.kind().name()
                            + " objects could not be read in the latest collection; this one is known only from an earlier run"));
                }
                rows.add(evaluation.result(resource, selected.benchmark(), version, outcome.control(), status, evidence));
            }
        }
        return rows;
    }

    private ClusterSubject clusterSubject(long clusterId, String clusterName, Set<String> unreadKinds) {
        var objects = inventory.objectsForClusterRules(clusterId).stream().map(object -> new ClusterSubject.ObjectRef(
                object.kind(), object.namespace() == null ? "" : object.namespace(), object.name(),
                object.bodyJson() == null ? null : json.readTree(object.bodyJson()))).toList();
        return new ClusterSubject(clusterName, inventory.namespaceLabels(clusterId), objects, unreadKinds);
    }

    /**
     * Results from the latest kube-bench or docker-bench report of each host. A check is matched
     * to the benchmark's control by its id in the report's benchmark version (aliases), and only
     * controls decided by reports take it: the rest are Posture's own to evaluate.
     */
    private List<ResultRow> reportResults(Long clusterId, List<HostInfo> hosts, List<Benchmark> benchmarks,
                                                    String provider, Evaluation evaluation) {
        var rows = new ArrayList<ResultRow>();
        if (benchmarks.isEmpty()) {
            return rows;
        }
        var hostsById = hosts.stream().collect(Collectors.toMap(HostInfo::id, Function.identity()));
        for (HostChecks report : hostReports.latestChecks(clusterId, List.copyOf(hostsById.keySet()))) {
            var host = hostsById.get(report.hostId());
            for (var benchmark : benchmarks) {
                if (report.tool().label().equals(benchmark.reportTool())) {
                    rows.addAll(reportResults(report, host, clusterId, benchmark, provider, evaluation));
                }
            }
        }
        return rows;
    }

    /** One report's checks as results of one benchmark its tool decides controls of. */
    private List<ResultRow> reportResults(HostChecks report, HostInfo host, Long clusterId, Benchmark benchmark, String provider,
                                          Evaluation evaluation) {
        var rows = new ArrayList<ResultRow>();
        var resource = new ResultResource(clusterId, null, null, null, host.id(), host.type().resourceKind(), host.name());
        for (var check : report.checks()) {
            var version = report.benchmarkVersion() == null ? "" : report.benchmarkVersion();
            var control = benchmark.controlByAlias(version, check.id()).orElse(null);
            if (control == null || control.source() != Control.Source.REPORT) {
                continue;
            }
            var evidence = new ArrayList<Evidence>();
            evidence.add(new Evidence(report.tool().label() + " " + check.id(), check.reportedStatus()
                    + (report.benchmarkVersion() == null ? "" : " (CIS " + report.benchmarkVersion() + ")")
                    + ", report #" + report.reportId() + " of " + report.uploadedAt()));
            if (check.actual() != null) {
                evidence.add(new Evidence("actual", check.actual()));
            }
            if (check.expected() != null) {
                evidence.add(new Evidence("expected", check.expected()));
            }
            if (check.remediation() != null) {
                evidence.add(new Evidence("remediation (" + report.tool().label() + ")", check.remediation()));
            }
            var managed = control.managedBy(provider);
            var status = managed != null ? ControlStatus.PROVIDER_MANAGED : switch (check.verdict()) {
                case PASS -> ControlStatus.PASS;
                case FAIL -> ControlStatus.FAIL;
                case MANUAL -> ControlStatus.MANUAL;
                case INCONCLUSIVE -> ControlStatus.UNKNOWN;
                case SKIPPED -> ControlStatus.NOT_APPLICABLE;
            };
            rows.add(evaluation.result(resource, benchmark, benchmark.latestVersion(), control, status, evidence));
        }
        return rows;
    }

    private void recordSnapshots(long clusterId, Map<String, String> teams, Evaluation evaluation, Instant now) {
        snapshots.retireCurrent(clusterId);
        var taken = new ArrayList<ScoreSnapshotEntity>();
        evaluation.byNamespace.tallies().forEach(tally -> taken.add(snapshot(Scope.NAMESPACE, clusterId, tally.key(),
                teams.get(tally.key()), "", tally, now)));
        evaluation.wholeCluster.tallies().forEach(tally -> taken.add(snapshot(Scope.CLUSTER, clusterId, null, null, "", tally, now)));
        evaluation.bySection.tallies().forEach(tally -> taken.add(snapshot(Scope.CLUSTER, clusterId, null, null,
                tally.key(), tally, now)));
        snapshots.saveAll(taken);
        snapshots.saveAll(estateWideSnapshots(now));
    }

    /**
     * Estate and team scores as sums of the current cluster and namespace snapshots (this cluster's
     * just saved) and of the results outside clusters: scanning every stored result three times took
     * a fifth of a large cluster's evaluation.
     */
    private List<ScoreSnapshotEntity> estateWideSnapshots(Instant now) {
        var estate = new TallySums();
        snapshots.sumCurrentClusters().forEach(tally -> estate.add(tally.key(), tally));
        results.tallyOutsideClusters().forEach(tally -> {
            estate.add("", tally);
            estate.add(tally.key(), tally);
        });
        var byTeam = new TallySums();
        snapshots.sumCurrentTeams().forEach(tally -> byTeam.add(tally.key(), tally));
        var taken = new ArrayList<ScoreSnapshotEntity>();
        estate.tallies().forEach(tally -> taken.add(snapshot(Scope.ESTATE, null, null, null, tally.key(), tally, now)));
        byTeam.tallies().forEach(tally -> taken.add(snapshot(Scope.TEAM, null, null, tally.key(), "", tally, now)));
        return taken;
    }

    private static ScoreSnapshotEntity snapshot(Scope scope, Long clusterId, String namespace, String team, String sectionId,
                                                Tally tally, Instant now) {
        return new ScoreSnapshotEntity(scope, clusterId, namespace, team, tally.benchmarkId(), sectionId,
                ScoreFormula.VERSION, tally, now);
    }

    /** A resource's namespace as findings and exceptions key it: "" for cluster-scoped resources. */
    private static String namespaceKey(ResultResource resource) {
        return resource.namespace() == null ? "" : resource.namespace();
    }

    /**
     * One evaluation of a cluster (or of the Docker hosts outside clusters: cluster null) with its
     * number, clock and exceptions, turning outcomes into stored results, and the cluster's tallies of them.
     */
    private final class Evaluation {
        private final Long clusterId;
        private final String clusterName;
        private final long number;
        private final Predicate<ExceptedResults.FailingPair> excepted;
        private final Instant now;
        private final EvaluationRecorder recorder;
        private final TallySums byNamespace = new TallySums();
        private final TallySums wholeCluster = new TallySums();
        private final TallySums bySection = new TallySums();

        Evaluation(Long clusterId, String clusterName, long number, Predicate<ExceptedResults.FailingPair> excepted, Instant now,
                   EvaluationRecorder recorder) {
            this.clusterId = clusterId;
            this.clusterName = clusterName;
            this.number = number;
            this.excepted = excepted;
            this.now = now;
            this.recorder = recorder;
        }

        /** Stores results, announces their failures and records them, in the caller's transaction. */
        void save(List<ResultRow> batch) {
            writer.insert(batch);
            announce(failures(batch));
            record(batch);
        }

        /** Adds results to this evaluation's record, for evidence as of this moment, and to the cluster's tallies. */
        void record(List<ResultRow> batch) {
            recorder.add(batch);
            for (var row : batch) {
                if (row.namespace() != null) {
                    byNamespace.add(row.benchmarkId(), row.namespace(), row.status(), row.weight());
                }
                wholeCluster.add(row.benchmarkId(), null, row.status(), row.weight());
                bySection.add(row.benchmarkId(), row.sectionId(), row.status(), row.weight());
            }
        }

        ResultRow result(ResultResource resource, Benchmark benchmark, PolicyVersion version, Control control,
                                   ControlStatus status, List<Evidence> evidence) {
            var problem = status == ControlStatus.FAIL ? catalog.problem(benchmark.id(), control) : null;
            var effective = problem != null && excepted.test(new ExceptedResults.FailingPair(resource.kind(),
                    namespaceKey(resource), resource.name(), problem.key())) ? ControlStatus.EXCEPTED : status;
            Severity severity = control.severity();
            return new ResultRow(resource, benchmark.id(), control.sectionId(), version.toString(), control.id(),
                    severity, formula.weight(severity), effective, evidence, json.writeValueAsString(evidence), now, problem);
        }

        /**
         * A page's failing (control, resource) pairs, once per problem: a resource's results all lie
         * in one page (its workload's page, or the cluster-wide one).
         */
        List<ScoreViews.Failure> failures(List<ResultRow> page) {
            var failures = new ArrayList<ScoreViews.Failure>();
            var seen = new HashSet<String>();
            for (var row : page) {
                var resource = row.resource();
                var problem = row.problem();
                if (problem != null && seen.add(resource.kind() + "|" + namespaceKey(resource) + "|" + resource.name() + "|" + problem.key())) {
                    var control = problem.control();
                    failures.add(new ScoreViews.Failure(resource.kind(), namespaceKey(resource), resource.name(), resource.team(),
                            problem.key(), control.title(), control.severity(), row.evidenceJson()));
                }
            }
            return failures;
        }

        /** Tells findings of a page's failures (Docker hosts outside clusters have none). */
        void announce(List<ScoreViews.Failure> failures) {
            if (clusterId != null && !failures.isEmpty()) {
                events.publishEvent(new FailuresRecorded(clusterId, clusterName, number, failures));
            }
        }
    }
}
