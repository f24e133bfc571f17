package io.posture.benchmark;

import io.posture.benchmark.internal.CatalogLoader;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** The benchmarks Posture knows, loaded once from the YAML files shipped in the jar. */
@Component
public class BenchmarkCatalog {

    private final Map<String, Benchmark> benchmarks;

    public BenchmarkCatalog() {
        var loaded = new LinkedHashMap<String, Benchmark>();
        CatalogLoader.loadBuiltIn().forEach(benchmark -> loaded.put(benchmark.id(), benchmark));
        this.benchmarks = Map.copyOf(loaded);
    }

    public Collection<Benchmark> all() {
        return benchmarks.values().stream().sorted(Comparator.comparing(Benchmark::id)).toList();
    }

    public Benchmark get(String benchmarkId) {
        var benchmark = benchmarks.get(benchmarkId);
        if (benchmark == null) {
            throw new NoSuchElementException("unknown benchmark '" + benchmarkId + "'; known: "
                    + String.join(", ", benchmarks.keySet().stream().sorted().toList()));
        }
        return benchmark;
    }
}
