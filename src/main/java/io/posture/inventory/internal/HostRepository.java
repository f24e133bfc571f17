package io.posture.inventory.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

public interface HostRepository extends JpaRepository<HostEntity, Long> {
    Optional<HostEntity> findByClusterIdAndName(long clusterId, String name);

    Page<HostEntity> findByClusterId(long clusterId, Pageable pageable);

    /** Removes what a complete run of the cluster did not see. */
    @Modifying
    @Query("delete from HostEntity e where e.clusterId = :clusterId and (e.lastRunId is null or e.lastRunId <> :runId)")
    int deleteNotSeenIn(long clusterId, long runId);
}
