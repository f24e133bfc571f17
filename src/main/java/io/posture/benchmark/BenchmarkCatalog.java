package io.posture.benchmark;

import io.posture.benchmark.internal.CatalogLoader;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The benchmarks Posture knows: the built-in ones shipped in the jar and the custom ones users uploaded. */
@Component
public class BenchmarkCatalog {

    private final Map<String, Benchmark> benchmarks = new ConcurrentHashMap<>();
    /** Per rule, the built-in controls that decide it with no parameters of their own, in catalogue order (PSS first). */
    private final Map<String, List<Problem>> controlsOfRule = new HashMap<>();

    public BenchmarkCatalog() {
        CatalogLoader.loadBuiltIn().forEach(benchmark -> {
            benchmarks.put(benchmark.id(), benchmark);
            benchmark.controls().filter(control -> control.rule() != null && control.parameters().isEmpty())
                    .forEach(control -> controlsOfRule.computeIfAbsent(control.rule(), rule -> new ArrayList<>())
                            .add(new Problem(new ControlKey(benchmark.id(), control.id()), control)));
        });
    }

    /** A control with its global identity. */
    public record Problem(ControlKey key, Control control) {
    }

    /**
     * The control that stands for the problem a benchmark's control detects. Benchmarks overlap: a
     * privileged container fails PSS "privileged", CIS Kubernetes 5.2.2 and CIS Docker 5.5, all
     * decided by one rule. Findings and exceptions are about the problem, so they use the first
     * built-in control with that rule (PSS before CIS); a control with its own parameters, or no
     * rule, stands for itself, in its own benchmark.
     */
    public Problem problem(String benchmarkId, Control control) {
        if (control.rule() == null || !control.parameters().isEmpty() || !controlsOfRule.containsKey(control.rule())) {
            return new Problem(new ControlKey(benchmarkId, control.id()), control);
        }
        return controlsOfRule.get(control.rule()).getFirst();
    }

    /** Every built-in control that detects the same problem as this one, itself first; itself alone if none shares it. */
    public List<Problem> sameProblem(ControlKey key) {
        var control = control(key).orElse(null);
        if (control == null) {
            return List.of();
        }
        var problem = problem(key.benchmarkId(), control);
        return problem.key().equals(key) && control.rule() != null && control.parameters().isEmpty()
                ? List.copyOf(controlsOfRule.getOrDefault(control.rule(), List.of(problem)))
                : List.of(problem);
    }

    /** A control by its global identity. */
    public Optional<Control> control(ControlKey key) {
        return find(key.benchmarkId()).flatMap(benchmark -> benchmark.control(key.controlId()));
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
