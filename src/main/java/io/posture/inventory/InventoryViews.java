package io.posture.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read models of the inventory, handed to other modules and views instead of entities. */
public final class InventoryViews {

    private InventoryViews() {
    }

    /** A cluster; {@code unreadKinds} are the kinds its latest collection could not read (their state may be stale). */
    public record ClusterInfo(long id, String name, String environment, Instant firstSeen, Instant lastSeen,
                              Set<String> unreadKinds) {
    }

    public record NamespaceInfo(long id, long clusterId, String name, String team, Map<String, String> labels) {
    }

    public record EstateCounts(long clusters, long namespaces, long workloads) {
    }

    /** What the scoring needs to evaluate a workload's pod template. */
    public record WorkloadPodSpec(long id, long clusterId, String namespace, WorkloadKind kind, String name,
                                  String labelsJson, String podAnnotationsJson, String podSpecJson) {
    }

    public record ContainerInfo(ContainerType type, String name, String image, String securityContextJson,
                                String resourcesJson, String probesJson, String portsJson) {
    }

    public record WorkloadInfo(long id, long clusterId, String clusterName, String namespace, String team,
                               WorkloadKind kind, String name, String serviceAccount, Map<String, String> labels,
                               Instant firstSeen, Instant lastSeen, List<ContainerInfo> containers) {
    }

    /**
     * A node (with its cluster) or a Docker host (without one): versions, conditions by type,
     * labels, taints as {@code key=value:Effect}.
     */
    public record HostInfo(long id, Long clusterId, HostType type, String name, String kubeletVersion, String osImage, String kernelVersion,
                           String containerRuntime, String architecture, Map<String, String> conditions,
                           Map<String, String> labels, List<String> taints, Instant lastSeen) {

        /** "True", "False" or "Unknown" as the node reports it; null when the node reported no Ready condition. */
        public String ready() {
            return conditions.get("Ready");
        }

        /**
         * The managed platform the node's labels name (eks, gke, aks), or null for a self-managed one.
         * Each platform labels its nodes with its own prefix.
         */
        public String managedPlatform() {
            for (var key : labels.keySet()) {
                if (key.startsWith("eks.amazonaws.com/")) {
                    return "eks";
                }
                if (key.startsWith("cloud.google.com/gke-")) {
                    return "gke";
                }
                if (key.startsWith("kubernetes.azure.com/")) {
                    return "aks";
                }
            }
            return null;
        }
    }

    public record WorkloadName(WorkloadKind kind, String namespace, String name) {
    }

    /** A supporting object for cluster-wide rules: body for RBAC, service accounts, policies; null for the rest. */
    public record ClusterObjectInfo(String kind, String namespace, String name, String bodyJson) {
    }

    /** An image ID (digest) seen running for one container of a workload, and in how many pods. */
    public record RunningImage(String containerName, String image, String imageId, long pods) {
    }

    /** How many objects of a kind there are. */
    public record KindCount(String kind, long count) {
    }

    /** An object of a kind no control looks at: seen, kept, not evaluated. */
    public record UnevaluatedObject(String kind, String apiVersion, String namespace, String name, java.time.Instant lastSeen) {
    }
}
