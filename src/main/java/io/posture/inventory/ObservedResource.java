package io.posture.inventory;

import java.util.List;
import java.util.Map;

/** What a collector saw of one object, in the inventory's own terms (no Fabric8 or YAML types). */
public sealed interface ObservedResource {

    String namespace();

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
     * Supporting objects kept with their (secret-free) body: ServiceAccount, Role, ClusterRole,
     * RoleBinding, ClusterRoleBinding, NetworkPolicy. Cluster-scoped objects have an empty namespace.
     */
    record ClusterObject(SupportingKind kind, String namespace, String name, String bodyJson) implements ObservedResource {
    }

    enum SupportingKind {
        ServiceAccount, Role, ClusterRole, RoleBinding, ClusterRoleBinding, NetworkPolicy;

        public boolean clusterScoped() {
            return this == ClusterRole || this == ClusterRoleBinding;
        }
    }
}
