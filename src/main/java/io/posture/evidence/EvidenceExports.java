package io.posture.evidence;

import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.ControlKey;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.collect.HostReports;
import io.posture.evidence.internal.AttestationEntity;
import io.posture.evidence.internal.EvidenceSigner;
import io.posture.evidence.internal.PdfWriter;
import io.posture.evidence.internal.PdfWriter.Style;
import io.posture.findings.FindingService;
import io.posture.findings.FindingViews.FindingAsOf;
import io.posture.findings.Fingerprint;
import io.posture.remediation.TaskService;
import io.posture.scoring.EvaluationHistory;
import io.posture.scoring.EvaluationHistory.StandingEvaluation;
import io.posture.scoring.RecordedResult;
import io.posture.scoring.ScoreFormula;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Evidence of a benchmark in a scope as things stood at a moment: control results (from the
 * evaluations standing then), findings (their status from their history up to then), the
 * exceptions and tasks that covered them then. CSV, versioned JSON, and a signed zip package.
 * The same scope and moment always give the same content: stable ordering, and no clock in the
 * payload but the export time in the package manifest.
 */
@Service
public class EvidenceExports {

    public static final String JSON_SCHEMA = "posture-evidence/1";
    public static final String PACKAGE_SCHEMA = "posture-evidence-package/1";
    private static final LocalDateTime ZIP_ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final Comparator<RecordedResult> RESULT_ORDER = Comparator
            .comparing((RecordedResult r) -> r.cluster() == null ? "" : r.cluster())
            .thenComparing(r -> r.namespace() == null ? "" : r.namespace())
            .thenComparing(RecordedResult::kind).thenComparing(RecordedResult::name)
            .thenComparing(RecordedResult::sectionId).thenComparing(RecordedResult::controlId);

    /** A file to download. */
    public record Export(String fileName, String contentType, byte[] content) {
    }

    private final EvaluationHistory history;
    private final BenchmarkCatalog catalog;
    private final FindingService findings;
    private final TaskService tasks;
    private final HostReports hostReports;
    private final AuditLog audit;
    private final EvidenceSigner signer;
    private final ScoreFormula formula;
    private final io.posture.scoring.ScoreQueries scores;
    private final io.posture.inventory.InventoryQueries inventory;
    private final io.posture.findings.ExceptionService exceptions;
    private final Attestations attestations;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final JsonMapper compact = JsonMapper.builder().build();

    EvidenceExports(EvaluationHistory history, BenchmarkCatalog catalog, FindingService findings, TaskService tasks,
                    HostReports hostReports, AuditLog audit, EvidenceSigner signer, ScoreFormula formula,
                    io.posture.scoring.ScoreQueries scores, io.posture.inventory.InventoryQueries inventory,
                    io.posture.findings.ExceptionService exceptions, Attestations attestations, Clock clock) {
        this.history = history;
        this.catalog = catalog;
        this.findings = findings;
        this.tasks = tasks;
        this.hostReports = hostReports;
        this.audit = audit;
        this.signer = signer;
        this.formula = formula;
        this.scores = scores;
        this.inventory = inventory;
        this.exceptions = exceptions;
        this.attestations = attestations;
        this.clock = clock;
    }

    @PreAuthorize(Roles.CAN_EXPORT)
    public Export resultsCsv(ExportScope scope) {
        return new Export(baseName(scope) + "-results.csv", "text/csv", resultsCsv(load(scope)));
    }

    @PreAuthorize(Roles.CAN_EXPORT)
    public Export findingsCsv(ExportScope scope) {
        return new Export(baseName(scope) + "-findings.csv", "text/csv", findingsCsv(load(scope)));
    }

    @PreAuthorize(Roles.CAN_EXPORT)
    public Export json(ExportScope scope) {
        return new Export(baseName(scope) + ".json", "application/json", json(load(scope)));
    }

    /** NIST OSCAL assessment results (OSCAL 1.1.2 JSON): one result, an observation per control and resource, a finding per control. */
    @PreAuthorize(Roles.CAN_EXPORT)
    public Export oscal(ExportScope scope) {
        return new Export(baseName(scope) + "-oscal-ar.json", "application/json", oscal(load(scope)));
    }

    /** The report for people: cover with score and coverage, section scores, the trend, failed controls, exceptions, manual controls. */
    @PreAuthorize(Roles.CAN_EXPORT)
    public Export pdf(ExportScope scope) {
        return new Export(baseName(scope) + "-report.pdf", "application/pdf", pdf(load(scope)));
    }

    /** The zip: results and findings (CSV and JSON), the reports behind them, the audit events of the period, a signed manifest. */
    @PreAuthorize(Roles.CAN_EXPORT)
    @Transactional(readOnly = true)
    public Export evidencePackage(ExportScope scope) {
        var loaded = load(scope);
        var files = new LinkedHashMap<String, byte[]>();
        files.put("results.csv", resultsCsv(loaded));
        files.put("findings.csv", findingsCsv(loaded));
        files.put("evidence.json", json(loaded));
        files.put("oscal-assessment-results.json", oscal(loaded));
        files.put("report.pdf", pdf(loaded));
        files.put("audit-events.json", json.writeValueAsBytes(audit.between(scope.periodStart(), scope.asOf())));
        for (var attestation : loaded.attestations()) {
            var info = attestation.toInfo();
            if (info.attachmentName() != null) {
                files.put("attestations/" + info.id() + "-" + info.attachmentName(), Base64.getDecoder().decode(attestation.getAttachment()));
            }
        }
        addCollectedObjects(files, loaded);
        for (var report : hostReports.reportsAsOf(scope.asOf())) {
            files.put("reports/" + report.tool().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "/" + report.hostName()
                    + "-" + report.sha256().substring(0, 12) + ".json", report.content().getBytes(StandardCharsets.UTF_8));
        }
        var manifest = json.createObjectNode().put("schema", PACKAGE_SCHEMA).put("exportedAt", clock.instant().toString())
                .put("exportedBy", AuditLog.currentActor()).put("signingKey", signingKeyFingerprint());
        manifest.set("scope", scopeNode(scope, loaded.benchmark()));
        var list = manifest.putArray("files");
        files.forEach((path, content) -> list.addObject().put("path", path).put("sha256", EvidencePackages.hex(EvidencePackages.sha256(content)))
                .put("bytes", content.length));
        var manifestBytes = json.writeValueAsBytes(manifest);
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            write(out, EvidencePackages.MANIFEST, manifestBytes);
            write(out, EvidencePackages.SIGNATURE, Base64.getEncoder().encode(signer.sign(manifestBytes)));
            write(out, EvidencePackages.PUBLIC_KEY, signer.publicKey());
            for (var file : files.entrySet()) {
                write(out, file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("evidence.exported", loaded.benchmark().id() + " " + describe(scope), null,
                files.size() + " files, " + loaded.results().size() + " results, " + loaded.findings().size() + " findings",
                "as of " + scope.asOf());
        return new Export(baseName(scope) + "-evidence.zip", "application/zip", zip.toByteArray());
    }

    /**
     * The objects the standing evaluations read (workload pod templates, cluster objects), as their
     * records kept them: what backed the results at that moment, in scope. Secret values were never collected.
     */
    private void addCollectedObjects(Map<String, byte[]> files, Loaded loaded) {
        var scope = loaded.scope();
        var teams = new HashMap<String, String>();
        loaded.results().forEach(result -> {
            if (result.cluster() != null && result.namespace() != null && result.team() != null) {
                teams.put(result.cluster() + "/" + result.namespace(), result.team());
            }
        });
        var byCluster = new java.util.TreeMap<String, ByteArrayOutputStream>();
        history.inputsAsOf(scope.asOf(), (cluster, line) -> {
            var namespace = compact.readTree(line).path("namespace").asString("");
            boolean inScope = namespace.isEmpty() ? scope.cluster() == null || scope.cluster().equals(cluster)
                    : scope.covers(cluster, namespace, teams.get(cluster + "/" + namespace));
            if (inScope) {
                var out = byCluster.computeIfAbsent(cluster, name -> new ByteArrayOutputStream());
                out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        });
        byCluster.forEach((cluster, content) -> files.put("collected/" + cluster + ".jsonl", content.toByteArray()));
    }

    /** SHA-256 of this instance's public signing key: what a verifier compares with {@code posture verify}'s output. */
    public String signingKeyFingerprint() {
        return EvidencePackages.hex(EvidencePackages.sha256(signer.publicKey()));
    }

    private record Loaded(ExportScope scope, Benchmark benchmark, List<StandingEvaluation> evaluations,
                          List<RecordedResult> results, List<FindingAsOf> findings, Map<String, FindingAsOf> findingByFingerprint,
                          Map<Long, Long> taskByFinding, List<AttestationEntity> attestations) {
    }

    private Loaded load(ExportScope scope) {
        var benchmark = catalog.get(scope.benchmarkId());
        var results = new ArrayList<RecordedResult>();
        var evaluations = history.resultsAsOf(scope.asOf(), result -> {
            if (result.benchmarkId().equals(benchmark.id()) && scope.covers(result.cluster(), result.namespace(), result.team())) {
                results.add(result);
            }
        });
        results.sort(RESULT_ORDER);
        var problemControls = benchmark.controls().map(control -> catalog.problem(benchmark.id(), control).key())
                .collect(Collectors.toSet());
        var standing = findings.standingAt(scope.asOf(), scope.cluster(), scope.namespace(), scope.team()).stream()
                .filter(finding -> problemControls.contains(new ControlKey(finding.benchmarkId(), finding.controlId()))).toList();
        var byFingerprint = new HashMap<String, FindingAsOf>();
        standing.forEach(finding -> byFingerprint.put(finding.fingerprint(), finding));
        var shownEvaluations = evaluations.stream().filter(evaluation -> scope.cluster() == null || scope.cluster().equals(evaluation.cluster())).toList();
        return new Loaded(scope, benchmark, shownEvaluations, results, standing, byFingerprint, tasks.taskOfFindings(scope.asOf()),
                attestations.standingAt(benchmark.id(), scope.cluster(), scope.asOf()));
    }

    private FindingAsOf findingOf(Loaded loaded, RecordedResult result) {
        if (result.status() != ControlStatus.FAIL && result.status() != ControlStatus.EXCEPTED || result.cluster() == null) {
            return null;
        }
        var benchmark = loaded.benchmark();
        var problem = benchmark.control(result.controlId()).map(control -> catalog.problem(benchmark.id(), control)).orElse(null);
        return problem == null ? null : loaded.findingByFingerprint().get(Fingerprint.of(result.cluster(), result.kind(),
                result.namespace() == null ? "" : result.namespace(), result.name(), problem.key()));
    }

    private byte[] resultsCsv(Loaded loaded) {
        return csv(List.of("cluster", "namespace", "team", "kind", "name", "benchmark", "section", "control", "title", "severity",
                "status", "evidence_path", "observed_value", "policy_version", "evaluated_at", "finding", "finding_status",
                "exception", "task"), printer -> {
            for (var result : loaded.results()) {
                var finding = findingOf(loaded, result);
                printer.accept(List.of(text(result.cluster()), text(result.namespace()), text(result.team()), result.kind(), result.name(),
                        result.benchmarkId(), result.sectionId(), result.controlId(), title(loaded, result), result.severity().name(),
                        result.status().name(), result.evidence().stream().map(Evidence::path).collect(Collectors.joining("\n")),
                        result.evidence().stream().map(Evidence::observed).collect(Collectors.joining("\n")), result.policyVersion(),
                        result.evaluatedAt().toString(), finding == null ? "" : String.valueOf(finding.id()),
                        finding == null ? "" : finding.status().name(), finding == null || finding.exceptionId() == null ? "" : String.valueOf(finding.exceptionId()),
                        finding == null ? "" : text(loaded.taskByFinding().get(finding.id()))));
            }
        });
    }

    private byte[] findingsCsv(Loaded loaded) {
        return csv(List.of("finding", "cluster", "namespace", "team", "kind", "name", "benchmark", "control", "title", "severity",
                "status", "first_seen", "exception", "task"), printer -> {
            for (var finding : loaded.findings()) {
                printer.accept(List.of(String.valueOf(finding.id()), finding.cluster(), text(finding.namespace()), text(finding.team()),
                        finding.kind(), finding.name(), finding.benchmarkId(), finding.controlId(), finding.controlTitle(),
                        finding.severity().name(),
                        finding.status().name(), finding.firstSeen().toString(), text(finding.exceptionId()),
                        text(loaded.taskByFinding().get(finding.id()))));
            }
        });
    }

    private byte[] json(Loaded loaded) {
        var root = json.createObjectNode().put("schema", JSON_SCHEMA);
        root.set("scope", scopeNode(loaded.scope(), loaded.benchmark()));
        var evaluations = root.putArray("evaluations");
        loaded.evaluations().forEach(evaluation -> evaluations.addObject().put("cluster", evaluation.cluster())
                .put("evaluatedAt", evaluation.evaluatedAt().toString()));
        root.set("summary", summary(loaded.results()));
        var results = root.putArray("results");
        for (var result : loaded.results()) {
            var finding = findingOf(loaded, result);
            var node = results.addObject().put("cluster", result.cluster()).put("namespace", result.namespace()).put("team", result.team())
                    .put("kind", result.kind()).put("name", result.name()).put("section", result.sectionId())
                    .put("control", result.controlId()).put("title", title(loaded, result)).put("severity", result.severity().name())
                    .put("status", result.status().name()).put("policyVersion", result.policyVersion())
                    .put("evaluatedAt", result.evaluatedAt().toString());
            var evidence = node.putArray("evidence");
            result.evidence().forEach(item -> evidence.addObject().put("path", item.path()).put("observed", item.observed()));
            if (finding != null) {
                node.put("finding", finding.id()).put("findingStatus", finding.status().name()).put("exception", finding.exceptionId())
                        .put("task", loaded.taskByFinding().get(finding.id()));
            }
        }
        var attestationsNode = root.putArray("attestations");
        for (var attestation : loaded.attestations()) {
            var info = attestation.toInfo();
            var node = attestationsNode.addObject().put("id", info.id()).put("control", info.controlId()).put("cluster", info.cluster())
                    .put("statement", info.statement()).put("validFrom", info.validFrom().toString()).put("validUntil", info.validUntil().toString())
                    .put("attestedBy", info.attestedBy()).put("attestedAt", info.attestedAt().toString());
            if (info.attachmentName() != null) {
                node.putObject("attachment").put("name", info.attachmentName()).put("type", info.attachmentType()).put("sha256", info.attachmentSha256());
            }
        }
        var findingsNode = root.putArray("findings");
        for (var finding : loaded.findings()) {
            findingsNode.addObject().put("id", finding.id()).put("cluster", finding.cluster()).put("namespace", finding.namespace())
                    .put("team", finding.team()).put("kind", finding.kind()).put("name", finding.name())
                    .put("benchmark", finding.benchmarkId()).put("control", finding.controlId()).put("title", finding.controlTitle()).put("severity", finding.severity().name()).put("status", finding.status().name())
                    .put("firstSeen", finding.firstSeen().toString()).put("exception", finding.exceptionId())
                    .put("task", loaded.taskByFinding().get(finding.id()));
        }
        return json.writeValueAsBytes(root);
    }

    private byte[] oscal(Loaded loaded) {
        var scope = loaded.scope();
        var benchmark = loaded.benchmark();
        var asOf = scope.asOf().toString();
        var name = benchmark.id() + " " + describe(scope) + " " + asOf;
        var document = json.createObjectNode();
        var results = document.putObject("assessment-results").put("uuid", OscalIds.of("assessment-results", name));
        results.putObject("metadata").put("title", benchmark.title() + " assessment of " + describe(scope) + " as of " + asOf)
                .put("last-modified", asOf).put("version", JSON_SCHEMA).put("oscal-version", OscalIds.OSCAL_VERSION);
        results.putObject("import-ap").put("href", "#posture-continuous-assessment")
                .put("remarks", "Posture assesses continuously; there is no separate assessment plan document.");
        var result = results.putArray("results").addObject().put("uuid", OscalIds.of("result", name))
                .put("title", benchmark.title() + (benchmark.edition() == null ? "" : " " + benchmark.edition()))
                .put("description", "Control results of " + describe(scope) + " from the evaluations standing at " + asOf
                        + ", by Posture's rules and imported kube-bench and docker-bench reports.")
                .put("start", loaded.evaluations().stream().map(StandingEvaluation::evaluatedAt).min(Comparator.naturalOrder())
                        .orElse(scope.asOf()).toString())
                .put("end", asOf);
        result.putObject("reviewed-controls").putArray("control-selections").addObject().putObject("include-all");
        var observations = result.putArray("observations");
        var failingByControl = new LinkedHashMap<String, List<String>>();
        var evaluatedControls = new java.util.TreeSet<String>();
        for (var recorded : loaded.results()) {
            if (recorded.status() == ControlStatus.NOT_APPLICABLE) {
                continue;
            }
            var resource = (recorded.cluster() == null ? "" : recorded.cluster() + "/") + (recorded.namespace() == null ? "" : recorded.namespace() + "/")
                    + recorded.kind() + "/" + recorded.name();
            var uuid = OscalIds.of("observation", name + " " + recorded.controlId() + " " + resource);
            var observation = observations.addObject().put("uuid", uuid)
                    .put("title", recorded.controlId() + " " + recorded.status().name().toLowerCase(java.util.Locale.ROOT) + " on " + resource)
                    .put("description", title(loaded, recorded) + ": " + recorded.status().name() + " on " + resource);
            observation.putArray("props").addObject().put("name", "control-id").put("ns", OscalIds.NAMESPACE).put("value", recorded.controlId());
            observation.putArray("methods").add("TEST");
            var evidence = observation.putArray("relevant-evidence");
            for (var item : recorded.evidence()) {
                evidence.addObject().put("description", item.path() + " = " + item.observed());
            }
            if (recorded.evidence().isEmpty()) {
                evidence.addObject().put("description", "no evidence recorded");
            }
            observation.put("collected", recorded.evaluatedAt().toString());
            evaluatedControls.add(recorded.controlId());
            if (recorded.status() == ControlStatus.FAIL) {
                failingByControl.computeIfAbsent(recorded.controlId(), id -> new ArrayList<>()).add(uuid);
            }
        }
        var findingsNode = result.putArray("findings");
        for (var controlId : evaluatedControls) {
            var failing = failingByControl.getOrDefault(controlId, List.of());
            var finding = findingsNode.addObject().put("uuid", OscalIds.of("finding", name + " " + controlId))
                    .put("title", controlId + " " + benchmark.control(controlId).map(control -> control.title()).orElse(""))
                    .put("description", failing.isEmpty() ? "No resource fails this control." : failing.size() + " resources fail this control.");
            // the MITRE ATT&CK for Containers techniques the control guards against, as props in ATT&CK's namespace
            var techniques = benchmark.control(controlId).map(control -> control.attack()).orElse(List.of());
            if (!techniques.isEmpty()) {
                var props = finding.putArray("props");
                var links = finding.putArray("links");
                techniques.forEach(technique -> {
                    props.addObject().put("name", "attack-technique").put("ns", "https://attack.mitre.org").put("value", technique.id())
                            .put("remarks", technique.name());
                    links.addObject().put("href", technique.url()).put("rel", "reference").put("text", technique.toString());
                });
            }
            finding.putObject("target").put("type", "objective-id").put("target-id", OscalIds.token(benchmark.id() + "-" + controlId))
                    .putObject("status").put("state", failing.isEmpty() ? "satisfied" : "not-satisfied");
            if (!failing.isEmpty()) {
                var related = finding.putArray("related-observations");
                failing.forEach(uuid -> related.addObject().put("observation-uuid", uuid));
            }
        }
        return json.writeValueAsBytes(document);
    }

    private byte[] pdf(Loaded loaded) {
        var scope = loaded.scope();
        var benchmark = loaded.benchmark();
        var figure = figure(loaded.results());
        try (var pdf = new PdfWriter("Posture evidence: " + benchmark.title() + " " + describe(scope), scope.asOf())) {
            pdf.text(Style.TITLE, "Evidence report");
            pdf.text(Style.HEADING, benchmark.title() + (benchmark.edition() == null ? "" : " " + benchmark.edition()));
            pdf.text(Style.TEXT, "Scope: " + describe(scope) + ". As of " + scope.asOf() + " (UTC).");
            pdf.text(Style.TEXT, "Score " + number(figure.score()) + " with coverage " + number(figure.coverage()) + "% (formula "
                    + ScoreFormula.VERSION + "): " + figure.counts().entrySet().stream()
                    .map(entry -> entry.getValue() + " " + entry.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .collect(Collectors.joining(", ")) + ".");
            pdf.text(Style.SMALL, "Evaluations standing then: " + (loaded.evaluations().isEmpty() ? "none" : loaded.evaluations().stream()
                    .map(evaluation -> (evaluation.cluster() == null ? "Docker hosts" : evaluation.cluster()) + " at " + evaluation.evaluatedAt())
                    .collect(Collectors.joining("; "))));
            pdf.text(Style.SMALL, "The evidence package of this export carries this report with the CSV, JSON and OSCAL files, signed; "
                    + "check it with: posture verify PACKAGE.zip --key-fingerprint " + signingKeyFingerprint());

            pdf.text(Style.HEADING, "Score per section");
            var bySection = loaded.results().stream().collect(Collectors.groupingBy(RecordedResult::sectionId));
            for (var section : benchmark.sections()) {
                var sectionFigure = figure(bySection.getOrDefault(section.id(), List.of()));
                pdf.text(Style.TEXT, section.id() + "  " + section.title() + ": " + (sectionFigure.coverage() == null
                        ? "not evaluated (no result in scope)"
                        : "score " + number(sectionFigure.score()) + ", coverage " + number(sectionFigure.coverage()) + "%"));
            }

            pdf.text(Style.HEADING, "Trend: the 90 days up to the moment");
            var trend = trend(scope);
            if (trend.points().isEmpty()) {
                pdf.text(Style.TEXT, "No evaluation in this period.");
            } else {
                pdf.chart(List.of(trend.points().stream().map(point -> new PdfWriter.Point(point.at().toEpochMilli(), point.score())).toList(),
                                trend.points().stream().map(point -> new PdfWriter.Point(point.at().toEpochMilli(), point.coverage())).toList()),
                        List.of(new java.awt.Color(0x16, 0x76, 0xf3), new java.awt.Color(0x2e, 0x85, 0x40)),
                        trend.from().toEpochMilli(), trend.to().toEpochMilli(), trend.from().toString().substring(0, 10),
                        trend.to().toString().substring(0, 10));
                pdf.text(Style.SMALL, "Blue: score; green: coverage (%). " + trend.points().size()
                        + (trend.points().size() == 1 ? " evaluation." : " evaluations."));
            }

            pdf.newPage();
            pdf.text(Style.HEADING, "Failed controls");
            var failing = loaded.results().stream().filter(result -> result.status() == ControlStatus.FAIL)
                    .collect(Collectors.groupingBy(RecordedResult::controlId, LinkedHashMap::new, Collectors.toList()));
            if (failing.isEmpty()) {
                pdf.text(Style.TEXT, "No control failed.");
            }
            var controls = failing.keySet().stream().map(id -> benchmark.control(id).orElseThrow())
                    .sorted(Comparator.comparing((io.posture.benchmark.Control control) -> control.severity()).reversed()
                            .thenComparing(io.posture.benchmark.Control::sectionId).thenComparing(io.posture.benchmark.Control::id)).toList();
            for (var control : controls) {
                var resources = failing.get(control.id());
                pdf.text(Style.SUBHEADING, control.id() + "  " + control.title() + " (" + control.severity().name().toLowerCase(java.util.Locale.ROOT)
                        + "): " + resources.size() + (resources.size() == 1 ? " resource" : " resources"));
                if (control.rationale() != null) {
                    pdf.text(Style.TEXT, "Why it matters: " + control.rationale().strip());
                }
                if (control.remediation() != null) {
                    pdf.text(Style.TEXT, "How to fix: " + control.remediation().strip());
                }
                resources.stream().limit(25).forEach(result -> {
                    var finding = findingOf(loaded, result);
                    pdf.text(Style.CODE, resourceName(result) + ": " + result.evidence().stream().map(item -> item.path() + " = " + item.observed())
                            .collect(Collectors.joining("; ")) + (finding == null ? "" : "  [finding " + finding.id() + " " + finding.status()
                            + (finding.exceptionId() == null ? "" : ", exception " + finding.exceptionId())
                            + (loaded.taskByFinding().get(finding.id()) == null ? "" : ", task " + loaded.taskByFinding().get(finding.id())) + "]"));
                });
                if (resources.size() > 25) {
                    pdf.text(Style.SMALL, "and " + (resources.size() - 25) + " more (all of them in results.csv)");
                }
            }

            pdf.text(Style.HEADING, "Exceptions");
            var exceptionIds = loaded.findings().stream().map(FindingAsOf::exceptionId).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            var covering = exceptions.byIds(exceptionIds);
            if (covering.isEmpty()) {
                pdf.text(Style.TEXT, "No exception covered a finding in scope at that moment.");
            }
            for (var exception : covering) {
                pdf.text(Style.TEXT, "Exception " + exception.id() + " (" + exception.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + ") for " + exception.benchmarkId() + "/" + exception.controlId() + " in " + exception.cluster() + (exception.namespace() == null ? "" : "/" + exception.namespace())
                        + ": requested by " + exception.requestedBy() + ", approved by " + exception.decidedBy() + " on "
                        + (exception.decidedAt() == null ? "?" : exception.decidedAt().toString().substring(0, 10)) + ", expires "
                        + exception.expiresOn() + ". Justification: " + exception.justification());
            }

            pdf.text(Style.HEADING, "Manual controls");
            var manual = benchmark.controls().filter(io.posture.benchmark.Control::manual).toList();
            if (manual.isEmpty()) {
                pdf.text(Style.TEXT, "This benchmark has no manual control.");
            }
            var attested = loaded.attestations().stream().map(AttestationEntity::toInfo)
                    .collect(Collectors.groupingBy(Attestations.AttestationInfo::controlId));
            pdf.text(Style.TEXT, manual.size() + " controls are decided by a person; " + manual.stream().filter(control -> attested.containsKey(control.id())).count()
                    + " of them were attested and valid at that moment.");
            for (var control : manual) {
                var valid = attested.getOrDefault(control.id(), List.of());
                if (valid.isEmpty()) {
                    pdf.text(Style.SMALL, control.id() + "  " + control.title() + ": not attested");
                    continue;
                }
                pdf.text(Style.SUBHEADING, control.id() + "  " + control.title());
                for (var attestation : valid) {
                    pdf.text(Style.TEXT, "Attested by " + attestation.attestedBy() + " on " + attestation.attestedAt().toString().substring(0, 10)
                            + (attestation.cluster() == null ? " for the estate" : " for " + attestation.cluster()) + ", valid until "
                            + attestation.validUntil() + ": " + attestation.statement()
                            + (attestation.attachmentName() == null ? "" : " (attachment " + attestation.attachmentName() + ", SHA-256 "
                            + attestation.attachmentSha256() + ")"));
                }
            }
            return pdf.finish();
        }
    }

    private io.posture.scoring.ScoreViews.Trend trend(ExportScope scope) {
        io.posture.scoring.ScoreViews.ScoreScope scoreScope;
        if (scope.team() != null) {
            scoreScope = io.posture.scoring.ScoreViews.ScoreScope.team(scope.team());
        } else if (scope.cluster() != null) {
            var clusterId = inventory.cluster(scope.cluster()).map(cluster -> cluster.id()).orElse(null);
            if (clusterId == null) {
                return new io.posture.scoring.ScoreViews.Trend(scope.asOf().minus(java.time.Duration.ofDays(90)), scope.asOf(), List.of());
            }
            scoreScope = scope.namespace() == null ? io.posture.scoring.ScoreViews.ScoreScope.cluster(clusterId)
                    : io.posture.scoring.ScoreViews.ScoreScope.namespace(clusterId, scope.namespace());
        } else {
            scoreScope = io.posture.scoring.ScoreViews.ScoreScope.estate();
        }
        return scores.trend(scope.benchmarkId(), scoreScope, "", scope.asOf().minus(java.time.Duration.ofDays(90)), scope.asOf());
    }

    private static String resourceName(RecordedResult result) {
        return (result.cluster() == null ? "" : result.cluster() + "/") + (result.namespace() == null ? "" : result.namespace() + "/")
                + result.kind() + "/" + result.name();
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", Math.floor(value * 10) / 10);
    }

    /** A score with its coverage and the count per status, over some results, by the pages' formula. */
    private record Figure(Double score, Double coverage, Map<ControlStatus, Long> counts) {
    }

    private Figure figure(List<RecordedResult> results) {
        var counts = results.stream().collect(Collectors.groupingBy(RecordedResult::status, () -> new java.util.EnumMap<>(ControlStatus.class),
                Collectors.counting()));
        long passedWeight = 0;
        long evaluatedWeight = 0;
        long evaluated = 0;
        long applicable = 0;
        for (var result : results) {
            var status = result.status();
            if (status == ControlStatus.PASS || status == ControlStatus.FAIL) {
                int weight = formula.weight(result.severity());
                evaluatedWeight += weight;
                passedWeight += status == ControlStatus.PASS ? weight : 0;
            }
            // as the pages count: an excepted pair is evaluated (coverage) but outside the score; UNKNOWN lowers coverage
            if (status == ControlStatus.PASS || status == ControlStatus.FAIL || status == ControlStatus.EXCEPTED) {
                evaluated++;
            }
            if (status == ControlStatus.PASS || status == ControlStatus.FAIL || status == ControlStatus.EXCEPTED || status == ControlStatus.UNKNOWN) {
                applicable++;
            }
        }
        return new Figure(ScoreFormula.score(passedWeight, evaluatedWeight), ScoreFormula.coverage(evaluated, applicable), counts);
    }

    /** The score with its coverage over the exported results, by the same formula as the pages. */
    private ObjectNode summary(List<RecordedResult> results) {
        var figure = figure(results);
        var node = json.createObjectNode().put("formula", ScoreFormula.VERSION);
        node.put("score", figure.score() == null ? null : Math.floor(figure.score() * 10) / 10)
                .put("coverage", figure.coverage() == null ? null : Math.floor(figure.coverage() * 10) / 10);
        var statuses = node.putObject("results");
        figure.counts().forEach((status, count) -> statuses.put(status.name(), count));
        return node;
    }

    private ObjectNode scopeNode(ExportScope scope, Benchmark benchmark) {
        var node = json.createObjectNode().put("benchmark", benchmark.id()).put("benchmarkTitle", benchmark.title())
                .put("edition", benchmark.edition()).put("cluster", scope.cluster()).put("namespace", scope.namespace())
                .put("team", scope.team()).put("asOf", scope.asOf().toString()).put("auditPeriodStart", scope.periodStart().toString());
        return node;
    }

    private static String title(Loaded loaded, RecordedResult result) {
        return loaded.benchmark().control(result.controlId()).map(control -> control.title()).orElse("");
    }

    /**
     * RFC 4180 CSV by Commons CSV. A cell that a spreadsheet would take for a formula (starting with
     * =, +, -, @, tab or carriage return) is prefixed with an apostrophe, so opening the file runs nothing.
     */
    private static byte[] csv(List<String> header, java.util.function.Consumer<java.util.function.Consumer<List<String>>> rows) {
        var bytes = new ByteArrayOutputStream();
        try (var printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            rows.accept(row -> {
                try {
                    printer.printRecord(row.stream().map(EvidenceExports::defused).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String defused(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void write(ZipOutputStream out, String name, byte[] content) throws IOException {
        var entry = new ZipEntry(name);
        entry.setTimeLocal(ZIP_ENTRY_TIME);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    private static String describe(ExportScope scope) {
        return scope.cluster() == null ? scope.team() == null ? "estate" : "team " + scope.team()
                : scope.cluster() + (scope.namespace() == null ? "" : "/" + scope.namespace());
    }

    private static String baseName(ExportScope scope) {
        var when = scope.asOf().toString().replace(":", "").replaceAll("\\.\\d+", "");
        return ("posture-" + scope.benchmarkId() + "-" + describe(scope) + "-" + when).replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
