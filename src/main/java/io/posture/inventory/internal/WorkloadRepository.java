package io.posture.inventory.internal;

import io.posture.inventory.WorkloadKind;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface WorkloadRepository extends JpaRepository<WorkloadEntity, Long> {
    Optional<WorkloadEntity> findByClusterIdAndKindAndNamespaceAndName(long clusterId, WorkloadKind kind,
                                                                       String namespace, String name);

    /** The workloads of these names, with their containers, in one query (a batch of an import). */
    @org.springframework.data.jpa.repository.EntityGraph(attributePaths = "containers")
    java.util.List<WorkloadEntity> findByClusterIdAndNameIn(long clusterId, java.util.Collection<String> names);

    Slice<WorkloadEntity> findByClusterIdOrderById(long clusterId, Pageable pageable);

    @org.springframework.data.jpa.repository.Query("select new io.posture.inventory.InventoryViews$WorkloadName(w.kind, w.namespace, w.name) "
            + "from WorkloadEntity w where w.clusterId = :clusterId and w.namespace = :namespace order by w.id")
    java.util.List<io.posture.inventory.InventoryViews.WorkloadName> findNamesInNamespace(long clusterId, String namespace);

    /** Removes what a complete run of the cluster did not see. */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from WorkloadEntity e where e.clusterId = :clusterId and (e.lastRunId is null or e.lastRunId <> :runId)")
    int deleteNotSeenIn(long clusterId, long runId);
}
