package io.posture.inventory.internal;

import io.posture.inventory.ObservedResource.SupportingKind;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface ClusterObjectRepository extends JpaRepository<ClusterObjectEntity, Long> {
    Optional<ClusterObjectEntity> findByClusterIdAndKindAndNamespaceAndName(long clusterId, SupportingKind kind,
                                                                            String namespace, String name);

    /** Removes what a complete run of the cluster did not see. */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from ClusterObjectEntity e where e.clusterId = :clusterId and (e.lastRunId is null or e.lastRunId <> :runId)")
    int deleteNotSeenIn(long clusterId, long runId);
}
