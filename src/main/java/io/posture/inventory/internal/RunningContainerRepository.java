package io.posture.inventory.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface RunningContainerRepository extends JpaRepository<RunningContainerEntity, Long> {
    List<RunningContainerEntity> findByClusterIdAndPodNameIn(long clusterId, java.util.Collection<String> podNames);

    /** Per container of a workload, each image ID seen running and in how many pods. */
    @Query("""
            select new io.posture.inventory.InventoryViews$RunningImage(e.containerName, e.image, e.imageId, count(e))
            from RunningContainerEntity e
            where e.clusterId = :clusterId and e.namespace = :namespace and e.workloadKind = :workloadKind
              and e.workloadName = :workloadName
            group by e.containerName, e.image, e.imageId
            order by e.containerName, e.imageId""")
    List<io.posture.inventory.InventoryViews.RunningImage> runningImages(long clusterId, String namespace, String workloadKind, String workloadName);

    /** Removes what a complete run of the cluster did not see. */
    @Modifying
    @Query("delete from RunningContainerEntity e where e.clusterId = :clusterId and (e.lastRunId is null or e.lastRunId <> :runId)")
    int deleteNotSeenIn(long clusterId, long runId);
}
