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
import io.posture.inventory.internal.UnevaluatedObjectEntity;
import io.posture.inventory.internal.UnevaluatedObjectRepository;
import io.posture.inventory.internal.WorkloadEntity;
import io.posture.inventory.internal.WorkloadRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Upserts what collectors observed, by stable identity. Each call is one transaction: a batch lands whole or not at all. */
@Service
public class InventoryWriter {

    private final ClusterRepository clusters;
    private final NamespaceRepository namespaces;
    private final WorkloadRepository workloads;
    private final ClusterObjectRepository clusterObjects;
    private final UnevaluatedObjectRepository unevaluatedObjects;
    private final HostRepository hosts;
    private final RunningContainerRepository runningContainers;
    private final JsonMapper json;
    private final String teamLabel;

    InventoryWriter(ClusterRepository clusters, NamespaceRepository namespaces, WorkloadRepository workloads,
                    ClusterObjectRepository clusterObjects, UnevaluatedObjectRepository unevaluatedObjects,
                    HostRepository hosts, RunningContainerRepository runningContainers, JsonMapper json,
                    @Value("${posture.inventory.team-label:team}") String teamLabel) {
        this.clusters = clusters;
        this.namespaces = namespaces;
        this.workloads = workloads;
        this.clusterObjects = clusterObjects;
        this.unevaluatedObjects = unevaluatedObjects;
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

    /**
     * Stores a batch in one transaction. What the batch already knows is loaded first, in a few
     * queries for the whole batch: a query per object would make the persistence context flush
     * everything before it each time, which made a file of 10,000 objects take minutes.
     */
    @Transactional
    public void record(long clusterId, long runId, Instant seenAt, List<ObservedResource> batch) {
        var known = new Known(clusterId, batch);
        for (var resource : batch) {
            switch (resource) {
                case ObservedResource.Namespace namespace -> recordNamespace(known, runId, seenAt, namespace.name(),
                        namespace.labels());
                case ObservedResource.Workload workload -> recordWorkload(known, runId, seenAt, workload);
                case ObservedResource.ClusterObject object -> recordClusterObject(known, runId, seenAt, object);
                case ObservedResource.Host host -> recordHost(known, runId, seenAt, host);
                case ObservedResource.RunningPod pod -> recordRunningPod(known, runId, seenAt, pod);
                case ObservedResource.Unevaluated object -> recordUnevaluated(known, runId, seenAt, object);
            }
        }
    }

    /** The entities a batch may update, by identity; new ones join as they are created. */
    private final class Known {
        private static final int IN_LIST = 500;
        final long clusterId;
        final Map<String, NamespaceEntity> namespaces = new HashMap<>();
        final Map<String, WorkloadEntity> workloads = new HashMap<>();
        final Map<String, ClusterObjectEntity> objects = new HashMap<>();
        final Map<String, UnevaluatedObjectEntity> unevaluated = new HashMap<>();
        final Map<String, HostEntity> hosts = new HashMap<>();
        final Map<String, List<RunningContainerEntity>> podContainers = new HashMap<>();

        Known(long clusterId, List<ObservedResource> batch) {
            this.clusterId = clusterId;
            InventoryWriter.this.namespaces.findByClusterId(clusterId).forEach(entity -> this.namespaces.put(entity.getName(), entity));
            InventoryWriter.this.hosts.findByClusterId(clusterId).forEach(entity -> this.hosts.put(entity.getName(), entity));
            inChunks(names(batch, ObservedResource.Workload.class), chunk -> InventoryWriter.this.workloads
                    .findByClusterIdAndNameIn(clusterId, chunk).forEach(entity -> workloads.put(entity.key(), entity)));
            inChunks(names(batch, ObservedResource.ClusterObject.class), chunk -> clusterObjects
                    .findByClusterIdAndNameIn(clusterId, chunk).forEach(entity -> objects.put(entity.key(), entity)));
            inChunks(names(batch, ObservedResource.Unevaluated.class), chunk -> unevaluatedObjects
                    .findByClusterIdAndNameIn(clusterId, chunk).forEach(entity -> unevaluated.put(entity.key(), entity)));
            inChunks(names(batch, ObservedResource.RunningPod.class), chunk -> runningContainers
                    .findByClusterIdAndPodNameIn(clusterId, chunk).forEach(entity ->
                            podContainers.computeIfAbsent(entity.podKey(), key -> new ArrayList<>()).add(entity)));
        }

        private static List<String> names(List<ObservedResource> batch, Class<? extends ObservedResource> type) {
            return batch.stream().filter(type::isInstance).map(ObservedResource::name).distinct().toList();
        }

        private static void inChunks(List<String> names, Consumer<List<String>> load) {
            for (int from = 0; from < names.size(); from += IN_LIST) {
                load.accept(names.subList(from, Math.min(names.size(), from + IN_LIST)));
            }
        }
    }

    /**
     * After a COMPLETE run: removes the workloads, namespaces, supporting and unevaluated objects, hosts and
     * running containers of the cluster that the run did not see. Returns how many were removed.
     */
    @Transactional
    public int removeNotSeenIn(long clusterId, long runId) {
        return workloads.deleteNotSeenIn(clusterId, runId) + clusterObjects.deleteNotSeenIn(clusterId, runId)
                + unevaluatedObjects.deleteNotSeenIn(clusterId, runId)
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

    private void recordNamespace(Known known, long runId, Instant seenAt, String name, Map<String, String> labels) {
        var namespace = known.namespaces.computeIfAbsent(name, key -> new NamespaceEntity(known.clusterId, key));
        if (labels != null) {
            namespace.update(toJson(labels), labels.get(teamLabel));
        }
        namespace.seen(seenAt, runId);
        known.namespaces.put(name, namespaces.save(namespace));
    }

    private void recordWorkload(Known known, long runId, Instant seenAt, ObservedResource.Workload observed) {
        if (!known.namespaces.containsKey(observed.namespace())) {
            // A workload may arrive before (or without) its Namespace object.
            recordNamespace(known, runId, seenAt, observed.namespace(), null);
        }
        var key = observed.kind().name() + "|" + observed.namespace() + "|" + observed.name();
        var workload = known.workloads.computeIfAbsent(key, ignored ->
                new WorkloadEntity(known.clusterId, observed.namespace(), observed.kind(), observed.name()));
        workload.update(toJson(observed.labels()), toJson(observed.podAnnotations()), observed.podSpecJson(),
                observed.serviceAccount());
        workload.seen(seenAt, runId);
        workload.getContainers().clear();
        int position = 0;
        for (var container : observed.containers()) {
            workload.getContainers().add(new ContainerEntity(workload, position++, container));
        }
        known.workloads.put(key, workloads.save(workload));
    }

    private void recordClusterObject(Known known, long runId, Instant seenAt, ObservedResource.ClusterObject observed) {
        var key = observed.kind().name() + "|" + observed.namespace() + "|" + observed.name();
        var object = known.objects.computeIfAbsent(key, ignored ->
                new ClusterObjectEntity(known.clusterId, observed.kind(), observed.namespace(), observed.name()));
        object.setBody(observed.bodyJson());
        object.seen(seenAt, runId);
        known.objects.put(key, clusterObjects.save(object));
    }

    private void recordUnevaluated(Known known, long runId, Instant seenAt, ObservedResource.Unevaluated observed) {
        var key = observed.kind() + "|" + observed.namespace() + "|" + observed.name();
        var object = known.unevaluated.computeIfAbsent(key, ignored ->
                new UnevaluatedObjectEntity(known.clusterId, observed.kind(), observed.namespace(), observed.name()));
        object.setApiVersion(observed.apiVersion());
        object.seen(seenAt, runId);
        known.unevaluated.put(key, unevaluatedObjects.save(object));
    }

    private void recordHost(Known known, long runId, Instant seenAt, ObservedResource.Host observed) {
        var host = known.hosts.computeIfAbsent(observed.name(), name -> new HostEntity(known.clusterId, name, HostType.NODE));
        host.update(observed.kubeletVersion(), observed.osImage(), observed.kernelVersion(), observed.containerRuntime(),
                observed.architecture(), toJson(observed.conditions()), toJson(observed.labels()),
                json.writeValueAsString(observed.taints()));
        host.seen(seenAt, runId);
        known.hosts.put(observed.name(), hosts.save(host));
    }

    private void recordRunningPod(Known known, long runId, Instant seenAt, ObservedResource.RunningPod pod) {
        var byName = new HashMap<String, RunningContainerEntity>();
        var podKey = pod.namespace() + "/" + pod.name();
        known.podContainers.getOrDefault(podKey, List.of()).forEach(entity -> byName.put(entity.getContainerName(), entity));
        var kept = new ArrayList<RunningContainerEntity>();
        for (var container : pod.containers()) {
            var entity = byName.remove(container.name());
            if (entity == null) {
                entity = new RunningContainerEntity(known.clusterId, pod.namespace(), pod.name(), container.name());
            }
            entity.update(pod.workloadKind(), pod.workloadName(), container.image(), container.imageId());
            entity.seen(seenAt, runId);
            kept.add(runningContainers.save(entity));
        }
        // containers the pod no longer has (a pod's containers are fixed, but a recreated pod may reuse the name)
        runningContainers.deleteAll(byName.values());
        known.podContainers.put(podKey, kept);
    }

    private String toJson(Map<String, String> map) {
        return json.writeValueAsString(map == null ? Map.of() : new TreeMap<>(map));
    }
}
