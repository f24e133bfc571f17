package io.posture.benchmark;

import io.posture.benchmark.internal.CatalogLoader;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The benchmarks Posture knows: the built-in ones shipped in the jar and the custom ones users uploaded. */
@Component
public class BenchmarkCatalog {

    private final Map<String, Benchmark> benchmarks = new ConcurrentHashMap<>();
    private final Map<String, Control> firstControlOfRule = new HashMap<>();

    public BenchmarkCatalog() {
        CatalogLoader.loadBuiltIn().forEach(benchmark -> {
            benchmarks.put(benchmark.id(), benchmark);
            benchmark.controls().filter(control -> control.rule() != null && control.parameters().isEmpty())
                    .forEach(control -> firstControlOfRule.putIfAbsent(control.rule(), control));
        });
    }

    /**
     * The control that stands for the problem a control detects. Benchmarks overlap: a privileged
     * container fails PSS "privileged", CIS Kubernetes 5.2.2 and CIS Docker 5.5, all decided by one
     * rule. Findings and exceptions are about the problem, so they use the first built-in control
     * with that rule (PSS before CIS); a control with its own parameters, or no rule, stands for itself.
     */
    public Control problemControl(Control control) {
        if (control.rule() == null || !control.parameters().isEmpty()) {
            return control;
        }
        return firstControlOfRule.getOrDefault(control.rule(), control);
    }

    public Collection<Benchmark> all() {
        return benchmarks.values().stream().sorted(Comparator.comparing(Benchmark::custom).thenComparing(Benchmark::id)).toList();
    }

    public Optional<Benchmark> find(String benchmarkId) {
        return Optional.ofNullable(benchmarks.get(benchmarkId));
    }

    public Benchmark get(String benchmarkId) {
        return find(benchmarkId).orElseThrow(() -> new NoSuchElementException("unknown benchmark '" + benchmarkId
                + "'; known: " + String.join(", ", benchmarks.keySet().stream().sorted().toList())));
    }

    /** The benchmark whose controls a tool's reports decide (kube-bench → CIS Kubernetes). */
    public Optional<Benchmark> forReportTool(String tool) {
        return benchmarks.values().stream().filter(benchmark -> tool.equals(benchmark.reportTool()))
                .min(Comparator.comparing(Benchmark::id));
    }

    /** Validates a user's benchmark YAML against the catalogue; throws with line-precise problems. */
    public Benchmark parseCustom(String yaml) {
        return CatalogLoader.parseCustom(yaml, benchmarks::get);
    }

    void register(Benchmark benchmark) {
        if (!benchmark.custom()) {
            throw new IllegalArgumentException("only custom benchmarks are registered at run time");
        }
        benchmarks.put(benchmark.id(), benchmark);
    }
}
