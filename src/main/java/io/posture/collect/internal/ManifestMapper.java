package io.posture.collect.internal;

import io.posture.collect.ManifestObject;
import io.posture.inventory.ContainerType;
import io.posture.inventory.ObservedResource;
import io.posture.inventory.ObservedResource.SupportingKind;
import io.posture.inventory.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns manifest objects (from files or the API) into inventory records. Literal environment values
 * are dropped (they often carry passwords); of Secrets and ConfigMaps only the metadata is kept.
 */
public final class ManifestMapper {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private ManifestMapper() {
    }

    /**
     * What the inventory keeps of the object: its identity alone for kinds no control looks at, nothing for a
     * workload its controller stands for (a Deployment's ReplicaSet), two records for a running standalone pod.
     */
    public static List<ObservedResource> map(ManifestObject object) {
        if (object.kind().equals("Namespace")) {
            return List.of(new ObservedResource.Namespace(object.name(), stringMap(object.body().path("metadata").path("labels"))));
        }
        if (object.kind().equals("Node")) {
            return List.of(host(object));
        }
        var supporting = SupportingKind.named(object.kind());
        if (supporting.isPresent()) {
            return List.of(supportingObject(object, supporting.get()));
        }
        if (WorkloadKind.of(object.kind()).isEmpty()) {
            return List.of(new ObservedResource.Unevaluated(object.kind(), object.apiVersion(),
                    object.namespace() == null ? "" : object.namespace(), object.name()));
        }
        var resources = new ArrayList<ObservedResource>();
        object.workloadTemplate().map(template -> workload(object, template)).ifPresent(resources::add);
        if (object.kind().equals("Pod")) {
            runningPod(object).ifPresent(resources::add);
        }
        return resources;
    }

    private static ObservedResource.Workload workload(ManifestObject object, ManifestObject.WorkloadTemplate template) {
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
    }

    /**
     * The body without server bookkeeping and without the last-applied annotation, which repeats the
     * whole object (values of a Secret included). Secrets and ConfigMaps keep their metadata only.
     */
    private static ObservedResource.ClusterObject supportingObject(ManifestObject object, SupportingKind kind) {
        var namespace = kind.clusterScoped() ? "" : object.namespaceOrDefault();
        var metadata = object.body().path("metadata").deepCopy();
        if (metadata instanceof ObjectNode fields) {
            fields.remove("managedFields");
            if (fields.path("annotations") instanceof ObjectNode annotations) {
                annotations.remove(LAST_APPLIED);
            }
        }
        ObjectNode body;
        if (kind.metadataOnly()) {
            body = JSON.createObjectNode();
            body.put("kind", kind.name());
            body.set("metadata", metadata);
        } else {
            body = (ObjectNode) object.body().deepCopy();
            body.set("metadata", metadata);
        }
        return new ObservedResource.ClusterObject(kind, namespace, object.name(), JSON.writeValueAsString(body));
    }

    private static ObservedResource.Host host(ManifestObject node) {
        var status = node.body().path("status");
        var info = status.path("nodeInfo");
        var conditions = new LinkedHashMap<String, String>();
        for (var condition : status.path("conditions")) {
            conditions.put(condition.path("type").asString(""), condition.path("status").asString("Unknown"));
        }
        var taints = new ArrayList<String>();
        for (var taint : node.body().path("spec").path("taints")) {
            var value = taint.path("value").asString("");
            taints.add(taint.path("key").asString("") + (value.isEmpty() ? "" : "=" + value) + ":" + taint.path("effect").asString(""));
        }
        return new ObservedResource.Host(node.name(), text(info, "kubeletVersion"), text(info, "osImage"),
                text(info, "kernelVersion"), text(info, "containerRuntimeVersion"), text(info, "architecture"),
                conditions, stringMap(node.body().path("metadata").path("labels")), taints);
    }

    /** The pod's containers as its status reports them; nothing for a pod whose containers have not started. */
    private static Optional<ObservedResource.RunningPod> runningPod(ManifestObject pod) {
        var status = pod.body().path("status");
        var containers = new ArrayList<ObservedResource.RunningContainer>();
        for (var field : List.of("initContainerStatuses", "containerStatuses", "ephemeralContainerStatuses")) {
            for (var container : status.path(field)) {
                containers.add(new ObservedResource.RunningContainer(container.path("name").asString(""),
                        container.path("image").asString(""), text(container, "imageID")));
            }
        }
        if (containers.isEmpty()) {
            return Optional.empty();
        }
        var owner = owningWorkload(pod);
        return Optional.of(new ObservedResource.RunningPod(pod.namespaceOrDefault(), pod.name(), owner.kind(), owner.name(), containers));
    }

    /**
     * The workload a pod belongs to. A Deployment's pods are owned by a ReplicaSet named
     * after the Deployment plus the pods' {@code pod-template-hash}; that suffix leads back to the Deployment.
     */
    private static Owner owningWorkload(ManifestObject pod) {
        var metadata = pod.body().path("metadata");
        for (var owner : metadata.path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                var kind = owner.path("kind").asString("");
                var name = owner.path("name").asString("");
                var hashSuffix = "-" + metadata.path("labels").path("pod-template-hash").asString("");
                if (kind.equals("ReplicaSet") && hashSuffix.length() > 1 && name.endsWith(hashSuffix)) {
                    return new Owner("Deployment", name.substring(0, name.length() - hashSuffix.length()));
                }
                return new Owner(kind, name);
            }
        }
        return new Owner("Pod", pod.name());
    }

    private record Owner(String kind, String name) {
    }

    private static String text(JsonNode node, String field) {
        var value = node.path(field).asString("");
        return value.isEmpty() ? null : value;
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
