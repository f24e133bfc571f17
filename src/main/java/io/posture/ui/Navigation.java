package io.posture.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.Severity;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingFilter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Typed links into the drill-down, so routes are spelled in one place. */
public final class Navigation {

    public static final String BENCHMARK_PARAMETER = "benchmark";
    public static final String DEFAULT_BENCHMARK = "pss-restricted";

    private Navigation() {
    }

    public static String overview(String benchmark) {
        return withBenchmark("", benchmark);
    }

    public static String cluster(String cluster, String benchmark) {
        return withBenchmark("clusters/" + segment(cluster), benchmark);
    }

    public static String namespace(String cluster, String namespace, String benchmark) {
        return withBenchmark("clusters/" + segment(cluster) + "/namespaces/" + segment(namespace), benchmark);
    }

    public static String workload(String cluster, String namespace, String kind, String name, String benchmark) {
        return withBenchmark("clusters/" + segment(cluster) + "/namespaces/" + segment(namespace) + "/workloads/"
                + segment(kind) + "/" + segment(name), benchmark);
    }

    /** The benchmark a URL asks for, falling back to the default for a missing or unknown one. */
    public static String benchmarkOf(Location location, BenchmarkCatalog catalog) {
        return location.getQueryParameters().getSingleParameter(BENCHMARK_PARAMETER)
                .filter(id -> catalog.all().stream().anyMatch(benchmark -> benchmark.id().equals(id)))
                .orElse(DEFAULT_BENCHMARK);
    }

    /** Navigates to a location made by this class, query parameters included. */
    public static void go(String location) {
        var parsed = new Location(location);
        UI.getCurrent().navigate(parsed.getPath(), parsed.getQueryParameters());
    }

    /** The findings browser with its filter in the query string, so a filtered list can be shared. */
    public static String findings(FindingFilter filter) {
        var parameters = new LinkedHashMap<String, String>();
        put(parameters, "cluster", filter.cluster());
        put(parameters, "namespace", filter.namespace());
        put(parameters, "team", filter.team());
        put(parameters, "benchmark", filter.benchmarkId());
        put(parameters, "control", filter.controlId());
        put(parameters, "severity", filter.severity() == null ? null : filter.severity().name().toLowerCase(Locale.ROOT));
        put(parameters, "status", filter.status() == null ? ANY : filter.status().name().toLowerCase(Locale.ROOT));
        put(parameters, "q", filter.text());
        return "findings" + query(parameters);
    }

    private static String query(Map<String, String> parameters) {
        return parameters.isEmpty() ? "" : "?" + parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Reads the filter back from a findings URL; without a status parameter, open findings are shown. */
    public static FindingFilter findingFilterOf(Location location) {
        var parameters = location.getQueryParameters();
        Function<String, String> value = name -> parameters.getSingleParameter(name).filter(v -> !v.isBlank()).orElse(null);
        var status = value.apply("status");
        return new FindingFilter(value.apply("cluster"), value.apply("namespace"), value.apply("team"), value.apply("benchmark"),
                value.apply("control"),
                enumOf(Severity.class, value.apply("severity")),
                status == null ? FindingStatus.OPEN : enumOf(FindingStatus.class, status), value.apply("q"));
    }

    public static String finding(long id) {
        return "findings/" + id;
    }

    public static String audit(String text) {
        return text == null || text.isBlank() ? "audit" : "audit?q=" + URLEncoder.encode(text.trim(), StandardCharsets.UTF_8);
    }

    public static String exceptions(String listing) {
        return "exceptions?list=" + listing;
    }

    public static String tasks() {
        return "tasks";
    }

    public static String task(long id) {
        return "tasks/" + id;
    }

    public static String settings() {
        return "settings";
    }

    public static String users() {
        return "users";
    }

    public static String benchmarks() {
        return "benchmarks";
    }

    /** A benchmark's page for the estate ({@code scope} null) or one cluster. */
    public static String benchmark(String benchmarkId, String cluster) {
        return "benchmarks/" + segment(benchmarkId) + clusterQuery(cluster);
    }

    public static String control(String benchmarkId, String controlId, String cluster) {
        return "benchmarks/" + segment(benchmarkId) + "/controls/" + segment(controlId) + clusterQuery(cluster);
    }

    private static String clusterQuery(String cluster) {
        return cluster == null ? "" : "?cluster=" + URLEncoder.encode(cluster, StandardCharsets.UTF_8);
    }

    public static String hosts() {
        return "hosts";
    }

    public static String host(long hostId) {
        return "hosts/" + hostId;
    }

    public static String images() {
        return "images";
    }

    public static String image(long imageId) {
        return "images/" + imageId;
    }

    /** Where a vulnerability runs across the estate. */
    public static String vulnerability(String vulnerabilityId) {
        return "vulnerabilities/" + segment(vulnerabilityId);
    }

    /** Registries, or one registry's repositories, or one repository's tags. */
    public static String registries(String registry, String repository) {
        var parameters = new LinkedHashMap<String, String>();
        put(parameters, "registry", registry);
        put(parameters, "repository", repository);
        return "registries" + query(parameters);
    }

    public static String runs() {
        return "runs";
    }

    private static final String ANY = "any";

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value);
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null || value.equals(ANY)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String withBenchmark(String path, String benchmark) {
        return benchmark == null || benchmark.equals(DEFAULT_BENCHMARK) ? path
                : path + "?" + BENCHMARK_PARAMETER + "=" + URLEncoder.encode(benchmark, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
