package io.posture.inventory;

import io.posture.inventory.InventoryViews.ClusterInfo;
import io.posture.inventory.InventoryViews.ClusterObjectInfo;
import io.posture.inventory.InventoryViews.ContainerInfo;
import io.posture.inventory.InventoryViews.EstateCounts;
import io.posture.inventory.InventoryViews.HostInfo;
import io.posture.inventory.InventoryViews.KindCount;
import io.posture.inventory.InventoryViews.UnevaluatedObject;
import io.posture.inventory.InventoryViews.NamespaceInfo;
import io.posture.inventory.InventoryViews.RunningImage;
import io.posture.inventory.InventoryViews.WorkloadInfo;
import io.posture.inventory.InventoryViews.WorkloadPodSpec;
import io.posture.inventory.internal.ClusterEntity;
import io.posture.inventory.internal.ClusterObjectRepository;
import io.posture.inventory.internal.ClusterRepository;
import io.posture.inventory.internal.HostEntity;
import io.posture.inventory.internal.HostRepository;
import io.posture.inventory.internal.NamespaceEntity;
import io.posture.inventory.internal.NamespaceRepository;
import io.posture.inventory.internal.RunningContainerRepository;
import io.posture.inventory.internal.UnevaluatedObjectRepository;
import io.posture.inventory.internal.WorkloadRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/** Read side of the inventory; returns records, never entities. */
@Service
@Transactional(readOnly = true)
public class InventoryQueries {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ClusterRepository clusters;
    private final NamespaceRepository namespaces;
    private final WorkloadRepository workloads;
    private final HostRepository hosts;
    private final RunningContainerRepository runningContainers;
    private final ClusterObjectRepository clusterObjects;
    private final UnevaluatedObjectRepository unevaluatedObjects;
    private final JsonMapper json;

    InventoryQueries(ClusterRepository clusters, NamespaceRepository namespaces, WorkloadRepository workloads,
                     HostRepository hosts, RunningContainerRepository runningContainers,
                     ClusterObjectRepository clusterObjects, UnevaluatedObjectRepository unevaluatedObjects, JsonMapper json) {
        this.clusters = clusters;
        this.namespaces = namespaces;
        this.workloads = workloads;
        this.hosts = hosts;
        this.runningContainers = runningContainers;
        this.clusterObjects = clusterObjects;
        this.unevaluatedObjects = unevaluatedObjects;
        this.json = json;
    }

    public List<ClusterInfo> clusters() {
        return clusters.findAll(Sort.by("name")).stream().map(InventoryQueries::toInfo).toList();
    }

    public Optional<ClusterInfo> cluster(String name) {
        return clusters.findByName(name).map(InventoryQueries::toInfo);
    }

    /** Kinds the cluster's latest collection could not read. */
    public Set<String> unreadKinds(long clusterId) {
        return clusters.findById(clusterId).map(ClusterEntity::getUnreadKinds).orElse(Set.of());
    }

    public String clusterName(long clusterId) {
        return clusters.findById(clusterId).map(ClusterEntity::getName)
                .orElseThrow(() -> new NoSuchElementException("no cluster " + clusterId));
    }

    public boolean isEmpty() {
        return clusters.count() == 0;
    }

    public EstateCounts counts() {
        return new EstateCounts(clusters.count(), namespaces.count(), workloads.count());
    }

    public Optional<NamespaceInfo> namespace(long clusterId, String name) {
        return namespaces.findByClusterIdAndName(clusterId, name).map(this::toInfo);
    }

    /** Teams of a cluster's namespaces, by namespace name. */
    public Map<String, String> teamsByNamespace(long clusterId) {
        var teams = new HashMap<String, String>();
        namespaces.findByClusterId(clusterId).forEach(namespace -> {
            if (namespace.getTeam() != null) {
                teams.put(namespace.getName(), namespace.getTeam());
            }
        });
        return teams;
    }

    public Slice<WorkloadPodSpec> podSpecs(long clusterId, Pageable pageable) {
        return workloads.findByClusterIdOrderById(clusterId, pageable).map(workload -> new WorkloadPodSpec(
                workload.getId(), workload.getClusterId(), workload.getNamespace(), workload.getKind(),
                workload.getName(), workload.getLabels(), workload.getPodAnnotations(), workload.getPodSpec()));
    }

    public Optional<WorkloadInfo> workload(String clusterName, String namespace, WorkloadKind kind, String name) {
        return clusters.findByName(clusterName).flatMap(cluster -> workloads
                .findByClusterIdAndKindAndNamespaceAndName(cluster.getId(), kind, namespace, name)
                .map(workload -> new WorkloadInfo(workload.getId(), cluster.getId(), cluster.getName(),
                        workload.getNamespace(),
                        namespaces.findByClusterIdAndName(cluster.getId(), namespace).map(NamespaceEntity::getTeam).orElse(null),
                        workload.getKind(), workload.getName(), workload.getServiceAccount(),
                        labels(workload.getLabels()), workload.getFirstSeen(), workload.getLastSeen(),
                        workload.getContainers().stream().map(container -> new ContainerInfo(container.getType(),
                                container.getName(), container.getImage(), container.getSecurityContext(),
                                container.getResources(), container.getProbes(), container.getPorts())).toList())));
    }

    /** A cluster's objects of kinds no control looks at, counted per kind, most numerous first. */
    public List<KindCount> unevaluatedKinds(long clusterId) {
        return unevaluatedObjects.countByKind(clusterId);
    }

    /** A cluster's objects of kinds no control looks at, a page at a time. */
    public Page<UnevaluatedObject> unevaluatedObjects(long clusterId, Pageable pageable) {
        return unevaluatedObjects.findByCluster(clusterId, pageable);
    }

    /** A cluster's nodes, a page at a time. */
    public Page<HostInfo> hosts(long clusterId, Pageable pageable) {
        return hosts.findByClusterId(clusterId, pageable).map(this::toInfo);
    }

    /** The hosts of a cluster, or the Docker hosts for a null cluster. */
    public List<HostInfo> hostsOf(Long clusterId) {
        var found = clusterId == null ? hosts.findByType(HostType.DOCKER_HOST) : hosts.findByClusterId(clusterId.longValue());
        return found.stream().map(this::toInfo).toList();
    }

    /** Every host of the estate, nodes by cluster then Docker hosts, a page at a time. */
    public Page<HostInfo> allHosts(Pageable pageable) {
        return hosts.findAllOrdered(pageable).map(this::toInfo);
    }

    public Optional<HostInfo> host(long hostId) {
        return hosts.findById(hostId).map(this::toInfo);
    }

    /** Labels of each namespace of the cluster, by namespace name. */
    public Map<String, Map<String, String>> namespaceLabels(long clusterId) {
        var result = new HashMap<String, Map<String, String>>();
        namespaces.findByClusterId(clusterId).forEach(namespace -> result.put(namespace.getName(), labels(namespace.getLabels())));
        return result;
    }

    /**
     * What cluster-wide rules read: RBAC objects, service accounts, network policies and webhook
     * configurations with their bodies, and every object and workload of the default namespace by name.
     */
    public List<ClusterObjectInfo> objectsForClusterRules(long clusterId) {
        var result = new java.util.ArrayList<ClusterObjectInfo>(clusterObjects.findForClusterRules(clusterId));
        workloads.findNamesInNamespace(clusterId, "default").forEach(workload -> result.add(
                new ClusterObjectInfo(workload.kind().name(), workload.namespace(), workload.name(), null)));
        return result;
    }

    /** The image IDs (digests) seen running for a workload's containers, from its pods' status. */
    public List<RunningImage> runningImages(long clusterId, String namespace, WorkloadKind kind, String name) {
        return runningContainers.runningImages(clusterId, namespace, kind.name(), name);
    }

    private HostInfo toInfo(HostEntity host) {
        return new HostInfo(host.getId(), host.getClusterId(), host.getType(), host.getName(), host.getKubeletVersion(), host.getOsImage(),
                host.getKernelVersion(), host.getContainerRuntime(), host.getArchitecture(), labels(host.getConditions()),
                labels(host.getLabels()), json.readValue(host.getTaints(), STRINGS), host.getLastSeen());
    }

    private NamespaceInfo toInfo(NamespaceEntity namespace) {
        return new NamespaceInfo(namespace.getId(), namespace.getClusterId(), namespace.getName(), namespace.getTeam(),
                labels(namespace.getLabels()));
    }

    private Map<String, String> labels(String labelsJson) {
        return labelsJson == null ? Map.of() : json.readValue(labelsJson, LABELS);
    }

    private static ClusterInfo toInfo(ClusterEntity cluster) {
        return new ClusterInfo(cluster.getId(), cluster.getName(), cluster.getEnvironment(), cluster.getFirstSeen(),
                cluster.getLastSeen(), cluster.getUnreadKinds());
    }
}
