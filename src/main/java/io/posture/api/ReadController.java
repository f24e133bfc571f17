package io.posture.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.Severity;
import io.posture.collect.ClusterConnections;
import io.posture.collect.CollectionRuns;
import io.posture.collect.RunStatus;
import io.posture.collect.RunViews.RunProblem;
import io.posture.collect.ManifestImporter;
import io.posture.collect.RunViews.RunSummary;
import io.posture.findings.FindingService;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.findings.FindingViews.FindingSummary;
import io.posture.inventory.InventoryQueries;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ClusterScore;
import io.posture.scoring.ScoreViews.ResourceResult;
import io.posture.scoring.ScoreViews.ScoreFigure;
import io.posture.scoring.ScoreViews.ScoreScope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Scores, findings and control results (paged) for other tools, collection on demand and manifest
 * uploads: the same services, and so the same permission checks, as the pages.
 */
@RestController
@RequestMapping("/api/v1")
class ReadController {

    private static final int MAX_PAGE_SIZE = 500;

    private final ScoreQueries scores;
    private final FindingService findings;
    private final InventoryQueries inventory;
    private final ClusterConnections connections;
    private final ManifestImporter importer;
    private final CollectionRuns runs;
    private final BenchmarkCatalog catalog;

    private final long maxFileBytes;

    ReadController(ScoreQueries scores, FindingService findings, InventoryQueries inventory, ClusterConnections connections,
                   ManifestImporter importer, CollectionRuns runs, BenchmarkCatalog catalog,
                   @org.springframework.beans.factory.annotation.Value("${posture.import.max-file-size:16MB}")
                   org.springframework.util.unit.DataSize maxFileSize) {
        this.maxFileBytes = maxFileSize.toBytes();
        this.scores = scores;
        this.findings = findings;
        this.inventory = inventory;
        this.connections = connections;
        this.importer = importer;
        this.runs = runs;
        this.catalog = catalog;
    }

    /** The estate's score and coverage for a benchmark and each cluster's. */
    record Scores(String benchmark, ScoreFigure estate, List<ClusterScore> clusters) {
    }

    @GetMapping("/scores")
    Scores scores(@RequestParam String benchmark) {
        catalog.get(benchmark);
        return new Scores(benchmark, scores.figure(benchmark, ScoreScope.estate(), null), scores.clusterScores(benchmark));
    }

    @GetMapping("/findings")
    PageOf<FindingSummary> findings(@RequestParam(required = false) String cluster, @RequestParam(required = false) String namespace,
                                    @RequestParam(required = false) String team, @RequestParam(required = false) String benchmark,
                                    @RequestParam(required = false) String control,
                                    @RequestParam(required = false) Severity severity, @RequestParam(required = false) FindingStatus status,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageOf.of(findings.search(new FindingFilter(cluster, namespace, team, benchmark, control, severity,
                status == null ? FindingStatus.OPEN : status, null), pageRequest(page, size)));
    }

    @GetMapping("/results")
    PageOf<ResourceResult> results(@RequestParam String benchmark, @RequestParam String control,
                                   @RequestParam(required = false) String cluster,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (catalog.get(benchmark).control(control).isEmpty()) {
            throw new NoSuchElementException("Benchmark " + benchmark + " has no control " + control);
        }
        var scope = cluster == null ? ScoreScope.estate() : ScoreScope.cluster(inventory.cluster(cluster)
                .orElseThrow(() -> new NoSuchElementException("No cluster '" + cluster + "'")).id());
        return PageOf.of(scores.controlResults(benchmark, control, scope, pageRequest(page, size)));
    }

    /** Starts a collection of a live cluster; 202 with the run to follow on the Collection runs page. */
    @PostMapping("/clusters/{cluster}/collections")
    ResponseEntity<Map<String, Long>> collect(@PathVariable String cluster) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("runId", connections.collectNow(cluster)));
    }

    /**
     * Imports manifests (one YAML or JSON file as the body) into a cluster, as the Collection runs
     * page does: 201 with the run and every problem with its reason, or a 422 problem when nothing
     * could be read.
     */
    @PostMapping("/clusters/{cluster}/manifests")
    ResponseEntity<?> manifests(@PathVariable String cluster, HttpServletRequest request) throws IOException {
        var upload = UploadBody.read(request, maxFileBytes);
        var name = upload.nameOr(UploadBody.query(request, "name", null));
        var file = Files.createTempFile("posture-api-upload", ".tmp");
        try {
            Files.write(file, upload.bytes());
            var run = importer.importUploaded(cluster, UploadBody.query(request, "environment", "prod"),
                    Map.of(name == null ? "manifests.yaml" : name, file));
            var problems = runs.problems(run.id());
            if (run.status() == RunStatus.FAILED) {
                var problem = ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, run.message());
                problem.setProperty("run", run);
                problem.setProperty("errors", problems);
                return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(new ImportAnswer(run, problems));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The run of an import and what it refused, each with where and why. */
    record ImportAnswer(@JsonUnwrapped RunSummary run, List<RunProblem> problems) {
    }

    private static PageRequest pageRequest(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE || (long) page * size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("page must be 0 or more, size between 1 and " + MAX_PAGE_SIZE
                    + ", and page × size at most " + Integer.MAX_VALUE);
        }
        return PageRequest.of(page, size);
    }
}
