package io.posture.inventory;

import io.posture.inventory.internal.ClusterEntity;
import io.posture.inventory.internal.ClusterObjectEntity;
import io.posture.inventory.internal.ClusterObjectRepository;
import io.posture.inventory.internal.ClusterRepository;
import io.posture.inventory.internal.ContainerEntity;
import io.posture.inventory.internal.HostEntity;
import io.posture.inventory.internal.HostRepository;
import io.posture.inventory.internal.NamespaceEntity;
import io.posture.inventory.internal.NamespaceRepository;
import io.posture.inventory.internal.RunningContainerEntity;
import io.posture.inventory.internal.RunningContainerRepository;
import io.posture.inventory.internal.WorkloadEntity;
import io.posture.inventory.internal.WorkloadRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Upserts what collectors observed, by stable identity. Each call is one transaction: a batch lands whole or not at all. */
@Service
public class InventoryWriter {

    private final ClusterRepository clusters;
    private final NamespaceRepository namespaces;
    private final WorkloadRepository workloads;
    private final ClusterObjectRepository clusterObjects;
    private final HostRepository hosts;
    private final RunningContainerRepository runningContainers;
    private final JsonMapper json;
    private final String teamLabel;

    InventoryWriter(ClusterRepository clusters, NamespaceRepository namespaces, WorkloadRepository workloads,
                    ClusterObjectRepository clusterObjects, HostRepository hosts,
                    RunningContainerRepository runningContainers, JsonMapper json,
                    @Value("${posture.inventory.team-label:team}") String teamLabel) {
        this.clusters = clusters;
        this.namespaces = namespaces;
        this.workloads = workloads;
        this.clusterObjects = clusterObjects;
        this.hosts = hosts;
        this.runningContainers = runningContainers;
        this.json = json;
        this.teamLabel = teamLabel;
    }

    /** The cluster's id, registering it on first sight. */
    @Transactional
    public long registerCluster(String name, String environment, Instant seenAt) {
        var cluster = clusters.findByName(name).orElseGet(() -> new ClusterEntity(name, environment));
        if (environment != null) {
            cluster.setEnvironment(environment);
        }
        cluster.seen(seenAt, null);
        return clusters.save(cluster).getId();
    }

    /**
     * Records which kinds a collection that read something could not read; until a later run reads
     * them, their objects keep their last state and controls on them report UNKNOWN.
     */
    @Transactional
    public void recordUnreadKinds(long clusterId, Collection<String> kinds) {
        clusters.findById(clusterId).ifPresent(cluster -> cluster.setUnreadKinds(kinds));
    }

    @Transactional
    public void record(long clusterId, long runId, Instant seenAt, List<ObservedResource> batch) {
        for (var resource : batch) {
            switch (resource) {
                case ObservedResource.Namespace namespace -> recordNamespace(clusterId, runId, seenAt, namespace.name(),
                        namespace.labels());
                case ObservedResource.Workload workload -> recordWorkload(clusterId, runId, seenAt, workload);
                case ObservedResource.ClusterObject object -> recordClusterObject(clusterId, runId, seenAt, object);
                case ObservedResource.Host host -> recordHost(clusterId, runId, seenAt, host);
                case ObservedResource.RunningPod pod -> recordRunningPod(clusterId, runId, seenAt, pod);
            }
        }
    }

    /**
     * After a COMPLETE run: removes the workloads, namespaces, supporting objects, hosts and running
     * containers of the cluster that the run did not see. Returns how many were removed.
     */
    @Transactional
    public int removeNotSeenIn(long clusterId, long runId) {
        return workloads.deleteNotSeenIn(clusterId, runId) + clusterObjects.deleteNotSeenIn(clusterId, runId)
                + namespaces.deleteNotSeenIn(clusterId, runId) + hosts.deleteNotSeenIn(clusterId, runId)
                + runningContainers.deleteNotSeenIn(clusterId, runId);
    }

    /**
     * The host a report names: a node of the cluster (created if no collection has seen it, as for
     * clusters imported from files) or, without a cluster, a Docker host. Returns its id.
     */
    @Transactional
    public long ensureHost(Long clusterId, String name, Instant seenAt) {
        var existing = clusterId == null ? hosts.findByTypeAndName(HostType.DOCKER_HOST, name)
                : hosts.findByClusterIdAndName(clusterId, name);
        var host = existing.orElseGet(() -> {
            var created = new HostEntity(clusterId, name, clusterId == null ? HostType.DOCKER_HOST : HostType.NODE);
            created.seen(seenAt, null);
            return hosts.save(created);
        });
        return host.getId();
    }

    private NamespaceEntity recordNamespace(long clusterId, long runId, Instant seenAt, String name,
                                            Map<String, String> labels) {
        var namespace = namespaces.findByClusterIdAndName(clusterId, name)
                .orElseGet(() -> new NamespaceEntity(clusterId, name));
        if (labels != null) {
            namespace.update(toJson(labels), labels.get(teamLabel));
        }
        namespace.seen(seenAt, runId);
        return namespaces.save(namespace);
    }

    private void recordWorkload(long clusterId, long runId, Instant seenAt, ObservedResource.Workload observed) {
        if (namespaces.findByClusterIdAndName(clusterId, observed.namespace()).isEmpty()) {
            // A workload may arrive before (or without) its Namespace object.
            recordNamespace(clusterId, runId, seenAt, observed.namespace(), null);
        }
        var workload = workloads.findByClusterIdAndKindAndNamespaceAndName(clusterId, observed.kind(),
                        observed.namespace(), observed.name())
                .orElseGet(() -> new WorkloadEntity(clusterId, observed.namespace(), observed.kind(), observed.name()));
        workload.update(toJson(observed.labels()), toJson(observed.podAnnotations()), observed.podSpecJson(),
                observed.serviceAccount());
        workload.seen(seenAt, runId);
        workload.getContainers().clear();
        int position = 0;
        for (var container : observed.containers()) {
            workload.getContainers().add(new ContainerEntity(workload, position++, container));
        }
        workloads.save(workload);
    }

    private void recordClusterObject(long clusterId, long runId, Instant seenAt, ObservedResource.ClusterObject observed) {
        var object = clusterObjects.findByClusterIdAndKindAndNamespaceAndName(clusterId, observed.kind(),
                        observed.namespace(), observed.name())
                .orElseGet(() -> new ClusterObjectEntity(clusterId, observed.kind(), observed.namespace(), observed.name()));
        object.setBody(observed.bodyJson());
        object.seen(seenAt, runId);
        clusterObjects.save(object);
    }

    private void recordHost(long clusterId, long runId, Instant seenAt, ObservedResource.Host observed) {
        var host = hosts.findByClusterIdAndName(clusterId, observed.name())
                .orElseGet(() -> new HostEntity(clusterId, observed.name(), HostType.NODE));
        host.update(observed.kubeletVersion(), observed.osImage(), observed.kernelVersion(), observed.containerRuntime(),
                observed.architecture(), toJson(observed.conditions()), toJson(observed.labels()),
                json.writeValueAsString(observed.taints()));
        host.seen(seenAt, runId);
        hosts.save(host);
    }

    private void recordRunningPod(long clusterId, long runId, Instant seenAt, ObservedResource.RunningPod pod) {
        var known = new HashMap<String, RunningContainerEntity>();
        runningContainers.findByClusterIdAndNamespaceAndPodName(clusterId, pod.namespace(), pod.name())
                .forEach(entity -> known.put(entity.getContainerName(), entity));
        for (var container : pod.containers()) {
            var entity = known.remove(container.name());
            if (entity == null) {
                entity = new RunningContainerEntity(clusterId, pod.namespace(), pod.name(), container.name());
            }
            entity.update(pod.workloadKind(), pod.workloadName(), container.image(), container.imageId());
            entity.seen(seenAt, runId);
            runningContainers.save(entity);
        }
        // containers the pod no longer has (a pod's containers are fixed, but a recreated pod may reuse the name)
        runningContainers.deleteAll(known.values());
    }

    private String toJson(Map<String, String> map) {
        return json.writeValueAsString(map == null ? Map.of() : new TreeMap<>(map));
    }
}
