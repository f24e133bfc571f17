package io.posture.api;

import io.posture.evidence.EvidenceExports;
import io.posture.evidence.EvidenceExports.Export;
import io.posture.evidence.ExportScope;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;

/**
 * Evidence exports for tools: {@code GET /api/v1/evidence/{package|pdf|results.csv|findings.csv|json|oscal}} with
 * {@code benchmark} and optionally {@code cluster}, {@code namespace}, {@code team}, {@code asOf}
 * (ISO-8601 instant, default now) or {@code run} (as of the end of that collection run), and {@code auditFrom}. Compliance officers' tokens only.
 */
@RestController
@RequestMapping("/api/v1/evidence")
class EvidenceController {

    private final EvidenceExports exports;
    private final io.posture.collect.CollectionRuns runs;
    private final io.posture.scoring.EvaluationHistory history;
    private final Clock clock;

    EvidenceController(EvidenceExports exports, io.posture.collect.CollectionRuns runs,
                       io.posture.scoring.EvaluationHistory history, Clock clock) {
        this.exports = exports;
        this.runs = runs;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/{format}")
    ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam String benchmark,
                                  @RequestParam(required = false) String cluster, @RequestParam(required = false) String namespace,
                                  @RequestParam(required = false) String team, @RequestParam(required = false) String asOf,
                                  @RequestParam(required = false) Long run, @RequestParam(required = false) String auditFrom) {
        if (asOf != null && run != null) {
            throw new IllegalArgumentException("Give asOf or run, not both");
        }
        var moment = run != null ? asOfRun(run) : asOf == null ? clock.instant() : instant(asOf, "asOf");
        var scope = new ExportScope(benchmark, cluster, namespace, team, moment, auditFrom == null ? null : instant(auditFrom, "auditFrom"));
        Export export = switch (format) {
            case "package" -> exports.evidencePackage(scope);
            case "results.csv" -> exports.resultsCsv(scope);
            case "findings.csv" -> exports.findingsCsv(scope);
            case "json" -> exports.json(scope);
            case "oscal" -> exports.oscal(scope);
            case "pdf" -> exports.pdf(scope);
            default -> throw new NoSuchElementException("No export '" + format + "': package, pdf, results.csv, findings.csv, json or oscal");
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(export.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(export.contentType()))
                .body(export.content());
    }

    /** As of a run: as of the evaluation that followed it (or the run's end, if none followed). */
    private Instant asOfRun(long runId) {
        var run = runs.run(runId).filter(found -> found.finishedAt() != null)
                .orElseThrow(() -> new NoSuchElementException("No finished collection run " + runId));
        // a millisecond of slack: the database keeps both moments to the microsecond, rounded
        return history.evaluationAfter(run.clusterName(), run.finishedAt().minusMillis(1)).orElse(run.finishedAt());
    }

    private static Instant instant(String text, String name) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }
}
