package io.posture.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Read models of the inventory, handed to other modules and views instead of entities. */
public final class InventoryViews {

    private InventoryViews() {
    }

    public record ClusterInfo(long id, String name, String environment, Instant firstSeen, Instant lastSeen) {
    }

    public record NamespaceInfo(long id, long clusterId, String name, String team, Map<String, String> labels) {
    }

    public record EstateCounts(long clusters, long namespaces, long workloads) {
    }

    /** What the scoring needs to evaluate a workload's pod template. */
    public record WorkloadPodSpec(long id, long clusterId, String namespace, WorkloadKind kind, String name,
                                  String podAnnotationsJson, String podSpecJson) {
    }

    public record ContainerInfo(ContainerType type, String name, String image, String securityContextJson,
                                String resourcesJson, String probesJson, String portsJson) {
    }

    public record WorkloadInfo(long id, long clusterId, String clusterName, String namespace, String team,
                               WorkloadKind kind, String name, String serviceAccount, Map<String, String> labels,
                               Instant firstSeen, Instant lastSeen, List<ContainerInfo> containers) {
    }
}
