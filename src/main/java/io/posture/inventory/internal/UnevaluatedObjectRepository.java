package io.posture.inventory.internal;

import io.posture.inventory.InventoryViews.KindCount;
import io.posture.inventory.InventoryViews.UnevaluatedObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

public interface UnevaluatedObjectRepository extends JpaRepository<UnevaluatedObjectEntity, Long> {

    List<UnevaluatedObjectEntity> findByClusterIdAndNameIn(long clusterId, Collection<String> names);

    @Query("""
            select new io.posture.inventory.InventoryViews$KindCount(e.kind, count(e)) from UnevaluatedObjectEntity e
            where e.clusterId = :clusterId group by e.kind order by count(e) desc, e.kind""")
    List<KindCount> countByKind(long clusterId);

    @Query("""
            select new io.posture.inventory.InventoryViews$UnevaluatedObject(e.kind, e.apiVersion, e.namespace, e.name, e.lastSeen)
            from UnevaluatedObjectEntity e where e.clusterId = :clusterId""")
    Page<UnevaluatedObject> findByCluster(long clusterId, Pageable pageable);

    /** Removes what a complete run of the cluster did not see. */
    @Modifying
    @Query("delete from UnevaluatedObjectEntity e where e.clusterId = :clusterId and (e.lastRunId is null or e.lastRunId <> :runId)")
    int deleteNotSeenIn(long clusterId, long runId);
}
