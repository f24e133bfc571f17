package io.posture.benchmark.internal;

import io.posture.benchmark.Benchmark;
import io.posture.benchmark.Control;
import io.posture.benchmark.PolicyVersion;
import io.posture.benchmark.Section;
import io.posture.benchmark.Severity;
import io.posture.shared.SafeYaml;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads benchmark definitions. A file may {@code extends} another benchmark: its sections come
 * first (Restricted is Baseline plus its own section, as the Pod Security Standards define it).
 */
public final class CatalogLoader {

    static final List<String> BUILT_IN = List.of("benchmarks/pss-baseline.yaml", "benchmarks/pss-restricted.yaml");
    private static final int MAX_CATALOG_SIZE = 1_000_000;
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private CatalogLoader() {
    }

    public static List<Benchmark> loadBuiltIn() {
        var byId = new HashMap<String, Benchmark>();
        var result = new ArrayList<Benchmark>();
        for (var resource : BUILT_IN) {
            var benchmark = toBenchmark(read(resource), byId);
            byId.put(benchmark.id(), benchmark);
            result.add(benchmark);
        }
        return result;
    }

    private static BenchmarkFile read(String resource) {
        try (var stream = Objects.requireNonNull(CatalogLoader.class.getClassLoader().getResourceAsStream(resource),
                resource + " missing from the classpath");
             var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            List<JsonNode> documents = SafeYaml.readAll(reader, MAX_CATALOG_SIZE);
            return JSON.treeToValue(documents.getFirst(), BenchmarkFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Benchmark toBenchmark(BenchmarkFile file, Map<String, Benchmark> known) {
        var sections = new ArrayList<Section>();
        if (file.extendsBenchmark() != null) {
            sections.addAll(Objects.requireNonNull(known.get(file.extendsBenchmark()),
                    file.id() + " extends unknown benchmark " + file.extendsBenchmark()).sections());
        }
        for (var section : file.sections()) {
            var controls = section.controls().stream().map(control -> {
                RuleRegistry.rule(control.rule());
                return new Control(control.id(), section.id(), control.title(),
                        Severity.valueOf(control.severity().toUpperCase(Locale.ROOT)), control.rule(),
                        PolicyVersion.parse(control.since()),
                        control.overrides() == null ? List.of() : control.overrides(),
                        control.rationale().trim(), control.remediation().trim());
            }).toList();
            sections.add(new Section(section.id(), section.title(), controls));
        }
        var parent = file.extendsBenchmark() == null ? null : known.get(file.extendsBenchmark());
        var latest = file.latestPolicyVersion() != null ? PolicyVersion.parse(file.latestPolicyVersion())
                : Objects.requireNonNull(parent, file.id() + " has no latestPolicyVersion").latestVersion();
        return new Benchmark(file.id(), file.title(), file.description().trim(), latest, List.copyOf(sections));
    }

    record BenchmarkFile(String id, String title, String description,
                         @com.fasterxml.jackson.annotation.JsonProperty("extends") String extendsBenchmark,
                         String latestPolicyVersion, List<SectionFile> sections) {
    }

    record SectionFile(String id, String title, List<ControlFile> controls) {
    }

    record ControlFile(String id, String title, String severity, String rule, String since, List<String> overrides,
                       String rationale, String remediation) {
    }
}
