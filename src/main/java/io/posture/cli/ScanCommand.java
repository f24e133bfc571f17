package io.posture.cli;

import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.BenchmarkEvaluator;
import io.posture.benchmark.BenchmarkRef;
import io.posture.benchmark.ClusterSubject;
import io.posture.benchmark.Control;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.benchmark.PodSubject;
import io.posture.benchmark.PolicyVersion;
import io.posture.benchmark.Severity;
import io.posture.collect.ManifestException;
import io.posture.collect.ManifestObject;
import io.posture.collect.ManifestReader;
import io.posture.inventory.ObservedResource;
import io.posture.inventory.WorkloadKind;
import io.posture.shared.ImageFacts;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code scan PATH… [--benchmark pss-restricted[@v1.33][,cis-kubernetes…]] [--format table|json|sarif|junit] [--fail-on SEVERITY]}.
 * The files are read once and checked against each benchmark in turn. Exit code 0: no failure at
 * or above the threshold; 1: such failures; 2: bad usage or unreadable input.
 */
final class ScanCommand {

    static final int OK = 0;
    static final int FAILURES = 1;
    static final int ERROR = 2;
    private static final String USAGE = """
            usage: posture scan PATH... [--benchmark ID[@VERSION][,ID...]] [--format table|json|sarif|junit] [--fail-on low|medium|high|critical]
                                [--exceptions FILE]
              PATH        manifest files or folders (YAML or JSON, as kubectl or helm template writes them)
              --benchmark benchmarks to check against, comma-separated, the Pod Security Standards optionally pinned
                          to a policy version (default pss-restricted; posture benchmarks lists them)
              --format    table (failures and a summary), json (every result with its evidence; several
                          benchmarks: {"scans": [...]}), sarif (SARIF 2.1.0 for code scanning) or junit (JUnit XML,
                          a test case per control on a resource, for CI test reports); default table
              --fail-on   exit with 1 when a failure of this severity or above is found; default: never
              --exceptions reviewed exceptions (YAML list: benchmark, control, resource, reason, reviewedBy, reviewedOn,
                          optional expires): a failure one explains is EXCEPTED, not a failure""";

    private final PrintStream out;
    private final PrintStream err;

    ScanCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("posture scan: " + e.getMessage());
            err.println(USAGE);
            return ERROR;
        }
        ScanExceptions exceptions;
        try {
            exceptions = options.exceptions() == null ? ScanExceptions.none() : ScanExceptions.read(options.exceptions());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("posture scan: " + e.getMessage());
            return ERROR;
        }
        var today = LocalDate.now(java.time.ZoneOffset.UTC);
        var catalog = new BenchmarkCatalog();
        exceptions = exceptions.byProblem(catalog);
        var benchmarks = new ArrayList<Benchmark>();
        for (var ref : options.benchmarks()) {
            Benchmark benchmark;
            try {
                benchmark = catalog.get(ref.benchmarkId());
            } catch (NoSuchElementException e) {
                err.println("posture scan: " + e.getMessage());
                return ERROR;
            }
            // only the Pod Security Standards have policy versions; other benchmarks have their own edition
            if (benchmark.edition() != null && ref.pinnedVersion() != null) {
                err.println("posture scan: " + benchmark.id() + " has no policy versions (it is edition " + benchmark.edition()
                        + "); pin the Pod Security Standards only, e.g. pss-restricted@v1.33");
                return ERROR;
            }
            benchmarks.add(benchmark);
        }
        var reader = new ManifestReader();
        var problems = new ArrayList<String>();
        var objects = new ArrayList<ManifestObject>();
        for (var path : options.paths()) {
            List<Path> files;
            try {
                files = reader.files(path);
            } catch (ManifestException e) {
                problems.add(e.getMessage());
                continue;
            }
            for (var file : files) {
                try {
                    var contents = reader.read(file, file.toString());
                    contents.refused().forEach(refusal -> problems.add(file + ", " + refusal));
                    objects.addAll(contents.objects());
                } catch (ManifestException e) {
                    problems.add(file + ": " + e.getMessage());
                }
            }
        }
        problems.forEach(problem -> err.println("posture scan: " + problem));
        var scan = new Scan(objects, FileCluster.of(objects), exceptions, today);
        var notChecked = notChecked(objects);
        var documents = new ArrayList<Map<String, Object>>();
        var reports = new ArrayList<BenchmarkScan>();
        boolean failed = false;
        for (int i = 0; i < benchmarks.size(); i++) {
            var benchmark = benchmarks.get(i);
            var version = options.benchmarks().get(i).versionFor(benchmark);
            var results = scan.against(benchmark, version);
            long needReports = benchmark.controls().filter(control -> control.source() == Control.Source.REPORT).count();
            if (options.format().equals("json")) {
                var document = jsonDocument(benchmark, version.toString(), results, needReports, problems);
                document.put("notChecked", notChecked);
                documents.add(document);
            } else if (options.format().equals("sarif") || options.format().equals("junit")) {
                reports.add(new BenchmarkScan(benchmark, results));
            } else {
                printTable(benchmark, version.toString(), results, needReports);
                if (!notChecked.isEmpty()) {
                    out.println("not checked (no control looks at these kinds): " + notChecked.entrySet().stream()
                            .map(entry -> entry.getValue() + " " + entry.getKey()).collect(java.util.stream.Collectors.joining(", ")));
                }
            }
            failed |= options.failOn() != null && results.stream().anyMatch(result ->
                    result.status() == ControlStatus.FAIL && result.control().severity().atLeast(options.failOn()));
        }
        var indented = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        if (options.format().equals("json")) {
            out.println(indented.writeValueAsString(documents.size() == 1 ? documents.getFirst() : Map.of("scans", documents)));
        } else if (options.format().equals("sarif")) {
            out.println(indented.writeValueAsString(SarifReport.of(reports)));
        } else if (options.format().equals("junit")) {
            out.print(JunitReport.of(reports, problems));
        }
        if (!problems.isEmpty()) {
            return ERROR;
        }
        return failed ? FAILURES : OK;
    }

    /**
     * Objects no control looks at, counted by kind, so that a user does not take them for checked:
     * kinds without pod templates or cluster rules (Endpoints, custom resources, Nodes, whose
     * controls need a node report) and pods a controller owns (their controller is checked).
     */
    private static Map<String, Integer> notChecked(List<ManifestObject> objects) {
        var counts = new java.util.TreeMap<String, Integer>();
        for (var object : objects) {
            boolean checked = object.workloadTemplate().isPresent() || object.kind().equals("Namespace")
                    || ObservedResource.SupportingKind.named(object.kind()).isPresent();
            if (!checked) {
                counts.merge(WorkloadKind.of(object.kind()).isPresent() ? object.kind() + " owned by a controller" : object.kind(),
                        1, Integer::sum);
            }
        }
        return counts;
    }

    /** The files' objects, read once, as pods and as one cluster, checked against one benchmark at a time. */
    private record Scan(List<ManifestObject> objects, ClusterSubject cluster, ScanExceptions exceptions, LocalDate today) {

        List<ScanResult> against(Benchmark benchmark, PolicyVersion version) {
            var evaluator = new BenchmarkEvaluator();
            var results = new ArrayList<ScanResult>();
            var accountAutomount = cluster.serviceAccountAutomount();
            for (var object : objects) {
                object.workloadTemplate().ifPresent(template -> {
                    var account = template.namespace() + "/" + template.podSpec().path("serviceAccountName").asString("default");
                    var subject = new PodSubject(template.kind().name(), template.namespace(), template.name(),
                            template.podMetadata(), template.podSpec(), template.kind().specPath(),
                            template.kind().metadataPath(), ImageFacts.ByReference.none(Instant.now()), accountAutomount.get(account));
                    evaluator.evaluate(benchmark, version, subject).forEach(outcome -> results.add(ScanResult.of(object.file(),
                            object.line(), template.kind().name(), template.namespace(), template.name(), outcome.control(), outcome.status(),
                            outcome.evidence(), exceptions, benchmark.id(), today)));
                });
            }
            // the files as one cluster: RBAC, service account, network policy, namespace and webhook controls
            // the file of each object by the label an outcome on it carries: with its namespace, or none
            // for what has none (cluster-scoped roles, Namespaces)
            var objectOf = new java.util.HashMap<String, ManifestObject>();
            for (var object : objects) {
                objectOf.putIfAbsent(ScanResult.label(object.kind(), object.namespaceOrDefault(), object.name()), object);
                objectOf.putIfAbsent(ScanResult.label(object.kind(), "", object.name()), object);
            }
            for (var outcome : evaluator.evaluateCluster(benchmark, cluster, null)) {
                var object = objectOf.get(ScanResult.label(outcome.kind(), outcome.namespace(), outcome.name()));
                results.add(ScanResult.of(object == null ? null : object.file(), object == null ? 0 : object.line(), outcome.kind(),
                        outcome.namespace(), outcome.name(), outcome.control(), outcome.status(), outcome.evidence(), exceptions,
                        benchmark.id(), today));
            }
            return results;
        }
    }

    private static LinkedHashMap<String, Object> jsonDocument(Benchmark benchmark, String version, List<ScanResult> results, long needReports,
                                                    List<String> problems) {
        var document = new LinkedHashMap<String, Object>();
        document.put("benchmark", benchmark.id());
        if (benchmark.edition() == null) {
            document.put("policyVersion", version);
        } else {
            document.put("edition", benchmark.edition());
        }
        document.put("summary", summary(results, needReports));
        document.put("results", results.stream().map(ScanResult::toJson).toList());
        document.put("errors", problems);
        return document;
    }

    private void printTable(Benchmark benchmark, String version, List<ScanResult> results, long needReports) {
        out.println(benchmark.edition() == null ? benchmark.title() + " (policy " + version + ")"
                : benchmark.title() + " " + benchmark.edition());
        var failures = results.stream().filter(result -> result.status() == ControlStatus.FAIL).toList();
        if (!failures.isEmpty()) {
            out.printf(Locale.ROOT, "%-8s %-28s %-50s %s%n", "SEVERITY", "CONTROL", "RESOURCE", "EVIDENCE");
            for (var result : failures) {
                var evidence = result.evidence();
                out.printf(Locale.ROOT, "%-8s %-28s %-50s %s%n", result.control().severity(), result.control().id(),
                        result.resourceLabel(), evidence.isEmpty() ? "" : evidence.getFirst()
                                + (evidence.size() > 1 ? " (+" + (evidence.size() - 1) + " more)" : ""));
            }
        }
        results.stream().filter(result -> result.exception() != null).forEach(result -> out.printf(Locale.ROOT,
                "excepted: %s %s on %s: %s (reviewed by %s on %s%s)%n", result.control().severity(),
                result.control().id(), result.resourceLabel(), result.exception().reason(), result.exception().reviewedBy(),
                result.exception().reviewedOn(), result.exception().expires() == null ? "" : ", until " + result.exception().expires()));
        var summary = summary(results, needReports);
        out.printf(Locale.ROOT, "%d resources: %d passed, %d failed, %d excepted, %d unknown, %d not applicable%n",
                summary.get("resources"), summary.get("passed"), summary.get("failed"), summary.get("excepted"),
                summary.get("unknown"), summary.get("notApplicable"));
        if (summary.get("notDecidable") > 0) {
            out.printf(Locale.ROOT, "%d controls not decidable from files (a person attests them, or a node report decides them)%n",
                    summary.get("notDecidable"));
        }
    }

    private static Map<String, Long> summary(List<ScanResult> results, long needReports) {
        var summary = new LinkedHashMap<String, Long>();
        summary.put("resources", results.stream().filter(r -> r.status() != ControlStatus.MANUAL).map(ScanResult::resourceKey)
                .distinct().count());
        summary.put("passed", count(results, ControlStatus.PASS));
        summary.put("failed", count(results, ControlStatus.FAIL));
        summary.put("excepted", count(results, ControlStatus.EXCEPTED));
        summary.put("unknown", count(results, ControlStatus.UNKNOWN));
        summary.put("notApplicable", count(results, ControlStatus.NOT_APPLICABLE));
        summary.put("notDecidable", count(results, ControlStatus.MANUAL) + needReports);
        return summary;
    }

    private static long count(List<ScanResult> results, ControlStatus status) {
        return results.stream().filter(result -> result.status() == status).count();
    }

    record Options(List<Path> paths, List<BenchmarkRef> benchmarks, String format, Severity failOn, Path exceptions) {

        static Options parse(String[] args) {
            var paths = new ArrayList<Path>();
            var benchmarks = List.of(BenchmarkRef.parse("pss-restricted"));
            var format = "table";
            Severity failOn = null;
            Path exceptions = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--exceptions" -> exceptions = Path.of(value(args, ++i, "--exceptions"));
                    case "--benchmark" -> benchmarks = benchmarks(value(args, ++i, "--benchmark"));
                    case "--format" -> {
                        format = value(args, ++i, "--format");
                        if (!List.of("table", "json", "sarif", "junit").contains(format)) {
                            throw new IllegalArgumentException("--format must be table, json, sarif or junit, not " + format);
                        }
                    }
                    case "--fail-on" -> {
                        var severity = value(args, ++i, "--fail-on");
                        try {
                            failOn = Severity.valueOf(severity.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("--fail-on must be low, medium, high or critical, not " + severity);
                        }
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        paths.add(Path.of(args[i]));
                    }
                }
            }
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("no PATH given");
            }
            return new Options(List.copyOf(paths), benchmarks, format, failOn, exceptions);
        }

        private static List<BenchmarkRef> benchmarks(String list) {
            var refs = java.util.Arrays.stream(list.split(",", -1)).map(String::strip).toList();
            if (refs.contains("")) {
                throw new IllegalArgumentException("--benchmark takes benchmark ids separated by commas, not '" + list + "'");
            }
            if (refs.stream().distinct().count() < refs.size()) {
                throw new IllegalArgumentException("--benchmark names a benchmark twice: " + list);
            }
            return refs.stream().map(BenchmarkRef::parse).toList();
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
