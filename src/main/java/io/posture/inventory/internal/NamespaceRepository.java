package io.posture.inventory.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface NamespaceRepository extends JpaRepository<NamespaceEntity, Long> {
    Optional<NamespaceEntity> findByClusterIdAndName(long clusterId, String name);

    List<NamespaceEntity> findByClusterId(long clusterId);

    /** Removes what a complete run of the cluster did not see. */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from NamespaceEntity e where e.clusterId = :clusterId and (e.lastRunId is null or e.lastRunId <> :runId)")
    int deleteNotSeenIn(long clusterId, long runId);
}
