package io.posture.benchmark.internal;

import io.posture.benchmark.AttackTechnique;
import io.posture.shared.SafeYaml;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ATT&CK for Containers techniques Posture knows and which rule guards against which, from
 * {@code benchmarks/attack-containers.yaml}: a control takes its rule's techniques unless it names
 * its own.
 */
final class AttackMapping {

    private static final String RESOURCE = "benchmarks/attack-containers.yaml";
    static final AttackMapping BUILT_IN = load();

    private final Map<String, AttackTechnique> techniques;
    private final Map<String, List<AttackTechnique>> byRule;

    private AttackMapping(Map<String, AttackTechnique> techniques, Map<String, List<AttackTechnique>> byRule) {
        this.techniques = techniques;
        this.byRule = byRule;
    }

    Optional<AttackTechnique> technique(String id) {
        return Optional.ofNullable(techniques.get(id));
    }

    List<AttackTechnique> ofRule(String rule) {
        return rule == null ? List.of() : byRule.getOrDefault(rule, List.of());
    }

    private static AttackMapping load() {
        try (var stream = Objects.requireNonNull(AttackMapping.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE);
             var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            var root = SafeYaml.readAll(reader, CatalogLoader.MAX_DEFINITION_SIZE).getFirst();
            var techniques = new LinkedHashMap<String, AttackTechnique>();
            root.path("techniques").properties().forEach(entry ->
                    techniques.put(entry.getKey(), new AttackTechnique(entry.getKey(), entry.getValue().asString())));
            var byRule = new LinkedHashMap<String, List<AttackTechnique>>();
            root.path("rules").properties().forEach(entry -> {
                var mapped = new ArrayList<AttackTechnique>();
                entry.getValue().forEach(id -> mapped.add(Objects.requireNonNull(techniques.get(id.asString()),
                        RESOURCE + ": rule " + entry.getKey() + " names unknown technique " + id.asString())));
                byRule.put(entry.getKey(), List.copyOf(mapped));
            });
            return new AttackMapping(Map.copyOf(techniques), Map.copyOf(byRule));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
