package io.posture.inventory;

import io.posture.inventory.internal.ClusterEntity;
import io.posture.inventory.internal.ClusterObjectEntity;
import io.posture.inventory.internal.ClusterObjectRepository;
import io.posture.inventory.internal.ClusterRepository;
import io.posture.inventory.internal.ContainerEntity;
import io.posture.inventory.internal.NamespaceEntity;
import io.posture.inventory.internal.NamespaceRepository;
import io.posture.inventory.internal.WorkloadEntity;
import io.posture.inventory.internal.WorkloadRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
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
    private final JsonMapper json;
    private final String teamLabel;

    InventoryWriter(ClusterRepository clusters, NamespaceRepository namespaces, WorkloadRepository workloads,
                    ClusterObjectRepository clusterObjects, JsonMapper json,
                    @Value("${posture.inventory.team-label:team}") String teamLabel) {
        this.clusters = clusters;
        this.namespaces = namespaces;
        this.workloads = workloads;
        this.clusterObjects = clusterObjects;
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

    @Transactional
    public void record(long clusterId, long runId, Instant seenAt, List<ObservedResource> batch) {
        for (var resource : batch) {
            switch (resource) {
                case ObservedResource.Namespace namespace -> recordNamespace(clusterId, runId, seenAt, namespace.name(),
                        namespace.labels());
                case ObservedResource.Workload workload -> recordWorkload(clusterId, runId, seenAt, workload);
                case ObservedResource.ClusterObject object -> recordClusterObject(clusterId, runId, seenAt, object);
            }
        }
    }

    /**
     * After a COMPLETE run: removes the workloads, namespaces and supporting objects of the cluster
     * that the run did not see (their containers go with them). Returns how many were removed.
     */
    @Transactional
    public int removeNotSeenIn(long clusterId, long runId) {
        return workloads.deleteNotSeenIn(clusterId, runId) + clusterObjects.deleteNotSeenIn(clusterId, runId)
                + namespaces.deleteNotSeenIn(clusterId, runId);
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

    private String toJson(Map<String, String> map) {
        return json.writeValueAsString(map == null ? Map.of() : new TreeMap<>(map));
    }
}
