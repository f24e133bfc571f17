package io.posture.inventory;

import java.util.List;
import java.util.Map;

/** What a collector saw of one object, in the inventory's own terms (no Fabric8 or YAML types). */
public sealed interface ObservedResource {

    String namespace();

    String name();

    record Namespace(String name, Map<String, String> labels) implements ObservedResource {
        @Override
        public String namespace() {
            return name;
        }
    }

    /**
     * A workload and its pod template. {@code podSpecJson} is the pod spec as JSON with literal
     * environment values removed (they often hold secrets).
     */
    record Workload(String namespace, WorkloadKind kind, String name, Map<String, String> labels,
                    Map<String, String> podAnnotations, String podSpecJson, String serviceAccount,
                    List<Container> containers) implements ObservedResource {
    }

    record Container(ContainerType type, String name, String image, String securityContextJson,
                     String resourcesJson, String probesJson, String portsJson, String volumeMountsJson) {
    }

    /**
     * Supporting objects kept with their (secret-free) body. Cluster-scoped objects have an empty
     * namespace; Secrets and ConfigMaps are kept as metadata only.
     */
    record ClusterObject(SupportingKind kind, String namespace, String name, String bodyJson) implements ObservedResource {
    }

    /**
     * An object of a kind no control looks at (a custom resource, Endpoints, a StorageClass, ...): kept by identity
     * only, so it is shown as seen and not evaluated rather than silently dropped. Cluster-scoped: empty namespace.
     */
    record Unevaluated(String kind, String apiVersion, String namespace, String name) implements ObservedResource {
    }

    enum SupportingKind {
        ServiceAccount, Role, ClusterRole, RoleBinding, ClusterRoleBinding, NetworkPolicy, Service, Ingress,
        ValidatingWebhookConfiguration, MutatingWebhookConfiguration, Secret, ConfigMap;

        /** The supporting kind a manifest's {@code kind} names, if it is one. */
        public static java.util.Optional<SupportingKind> named(String kind) {
            return java.util.Arrays.stream(values()).filter(supporting -> supporting.name().equals(kind)).findFirst();
        }

        public boolean clusterScoped() {
            return this == ClusterRole || this == ClusterRoleBinding || this == ValidatingWebhookConfiguration
                    || this == MutatingWebhookConfiguration;
        }

        /** Kinds whose content may hold secret values: only their metadata is ever read or kept. */
        public boolean metadataOnly() {
            return this == Secret || this == ConfigMap;
        }
    }

    /**
     * A Kubernetes node as a host: versions from its status, conditions by type ("Ready" → "True"),
     * labels, and taints written as {@code key=value:Effect}. Nodes are cluster-scoped.
     */
    record Host(String name, String kubeletVersion, String osImage, String kernelVersion, String containerRuntime,
                String architecture, Map<String, String> conditions, Map<String, String> labels,
                List<String> taints) implements ObservedResource {
        @Override
        public String namespace() {
            return "";
        }
    }

    /**
     * A pod seen running, with the workload that owns it and, per container, the image as written and
     * the image ID (digest) the node actually runs, from the pod's status.
     */
    record RunningPod(String namespace, String name, String workloadKind, String workloadName,
                      List<RunningContainer> containers) implements ObservedResource {
    }

    record RunningContainer(String name, String image, String imageId) {
    }
}
