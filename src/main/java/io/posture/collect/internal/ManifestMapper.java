package io.posture.collect.internal;

import io.posture.collect.ManifestObject;
import io.posture.inventory.ContainerType;
import io.posture.inventory.ObservedResource;
import io.posture.inventory.ObservedResource.SupportingKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns manifest objects into inventory records. Literal environment values are dropped (they
 * often carry passwords); Secrets and ConfigMaps are not kept at all by the offline importer.
 */
public final class ManifestMapper {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ManifestMapper() {
    }

    public static Optional<ObservedResource> map(ManifestObject object) {
        if (object.kind().equals("Namespace")) {
            return Optional.of(new ObservedResource.Namespace(object.name(), stringMap(object.body().path("metadata").path("labels"))));
        }
        var supporting = Arrays.stream(SupportingKind.values()).filter(kind -> kind.name().equals(object.kind())).findFirst();
        if (supporting.isPresent()) {
            var namespace = supporting.get().clusterScoped() ? "" : object.namespaceOrDefault();
            var body = object.body().deepCopy();
            if (body.path("metadata") instanceof ObjectNode metadata) {
                metadata.remove("managedFields");
            }
            return Optional.of(new ObservedResource.ClusterObject(supporting.get(), namespace, object.name(), JSON.writeValueAsString(body)));
        }
        return object.workloadTemplate().map(template -> {
            var podSpec = redactEnvironmentValues(template.podSpec().deepCopy());
            var containers = new ArrayList<ObservedResource.Container>();
            for (var type : List.of(ContainerType.INIT, ContainerType.APP, ContainerType.EPHEMERAL)) {
                for (var container : podSpec.path(type.specField())) {
                    containers.add(new ObservedResource.Container(type, container.path("name").asString(""),
                            container.path("image").asString(""), json(container.path("securityContext")),
                            json(container.path("resources")), probes(container), json(container.path("ports")),
                            json(container.path("volumeMounts"))));
                }
            }
            return new ObservedResource.Workload(template.namespace(), template.kind(), template.name(),
                    stringMap(object.body().path("metadata").path("labels")),
                    stringMap(template.podMetadata().path("annotations")), JSON.writeValueAsString(podSpec),
                    podSpec.path("serviceAccountName").asString("default"), containers);
        });
    }

    private static JsonNode redactEnvironmentValues(JsonNode podSpec) {
        for (var type : ContainerType.values()) {
            for (var container : podSpec.path(type.specField())) {
                for (var variable : container.path("env")) {
                    if (variable instanceof ObjectNode env) {
                        env.remove("value");
                    }
                }
            }
        }
        return podSpec;
    }

    private static String probes(JsonNode container) {
        var probes = JSON.createObjectNode();
        for (var field : List.of("livenessProbe", "readinessProbe", "startupProbe", "lifecycle")) {
            if (!container.path(field).isMissingNode()) {
                probes.set(field, container.path(field));
            }
        }
        return JSON.writeValueAsString(probes);
    }

    private static String json(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : JSON.writeValueAsString(node);
    }

    private static Map<String, String> stringMap(JsonNode node) {
        var map = new LinkedHashMap<String, String>();
        for (var entry : node.properties()) {
            map.put(entry.getKey(), entry.getValue().isValueNode() ? entry.getValue().asString() : entry.getValue().toString());
        }
        return map;
    }
}
