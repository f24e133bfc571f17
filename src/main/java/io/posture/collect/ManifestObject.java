package io.posture.collect;

import io.posture.inventory.WorkloadKind;
import tools.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * One Kubernetes object read from a file, with where it came from: the file and the line its
 * document starts on (1 for a JSON file, 0 for an object read from an API server).
 */
public record ManifestObject(String file, int line, String kind, String apiVersion, String namespace, String name, JsonNode body) {

    private static final String DEFAULT_NAMESPACE = "default";

    /** The pod template of a workload this object defines, unless a controller owns it (then its owner is the workload). */
    public Optional<WorkloadTemplate> workloadTemplate() {
        var kind = WorkloadKind.of(this.kind);
        if (kind.isEmpty() || ownedByController()) {
            return Optional.empty();
        }
        var template = at(body, kind.get().templatePath());
        var spec = template.path("spec");
        var metadata = template.path("metadata");
        if (!spec.isObject()) {
            throw new ManifestException(this.kind + " " + name + " has no pod spec at " + kind.get().specPath());
        }
        return Optional.of(new WorkloadTemplate(kind.get(), namespaceOrDefault(), name, metadata, spec));
    }

    public String namespaceOrDefault() {
        return namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    }

    private boolean ownedByController() {
        for (var owner : body.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode at(JsonNode node, String dottedPath) {
        var current = node;
        for (var part : dottedPath.split("\\.")) {
            if (!part.isEmpty()) {
                current = current.path(part);
            }
        }
        return current;
    }

    public record WorkloadTemplate(WorkloadKind kind, String namespace, String name, JsonNode podMetadata,
                                   JsonNode podSpec) {
    }
}
