package io.posture.inventory.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import io.posture.inventory.HostType;

import java.util.List;
import java.util.Optional;

public interface HostRepository extends JpaRepository<HostEntity, Long> {
    Optional<HostEntity> findByClusterIdAndName(long clusterId, String name);

    Page<HostEntity> findByClusterId(long clusterId, Pageable pageable);

    List<HostEntity> findByClusterId(long clusterId);

    List<HostEntity> findByType(HostType type);

    Optional<HostEntity> findByTypeAndName(HostType type, String name);

    /** Every host, nodes by cluster then Docker hosts, a page at a time. */
    @Query("select h from HostEntity h order by h.type, h.clusterId, h.name")
    Page<HostEntity> findAllOrdered(Pageable pageable);

    /**
     * Removes the nodes a complete run of the cluster did not see. Hosts never seen by a collection
     * (named only by an uploaded report, as for clusters imported from files) stay.
     */
    @Modifying
    @Query("delete from HostEntity e where e.clusterId = :clusterId and e.lastRunId is not null and e.lastRunId <> :runId")
    int deleteNotSeenIn(long clusterId, long runId);
}
