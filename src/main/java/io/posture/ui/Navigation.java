package io.posture.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import io.posture.benchmark.BenchmarkCatalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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

    public static String runs() {
        return "runs";
    }

    private static String withBenchmark(String path, String benchmark) {
        return benchmark == null || benchmark.equals(DEFAULT_BENCHMARK) ? path
                : path + "?" + BENCHMARK_PARAMETER + "=" + URLEncoder.encode(benchmark, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
