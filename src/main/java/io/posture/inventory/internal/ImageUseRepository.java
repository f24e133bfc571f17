package io.posture.inventory.internal;

import io.posture.inventory.ImageViews.ImageUse;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface ImageUseRepository extends JpaRepository<ImageUseEntity, Long> {

    @Modifying
    @Query("delete from ImageUseEntity u where u.clusterId = :clusterId")
    int deleteByCluster(long clusterId);

    /** One join, not the uses and then their images by a list of ids (H2 compares every row against the whole list). */
    @Query("select new io.posture.inventory.internal.ReferencedImage(u.reference, i) from ImageUseEntity u, ImageEntity i "
            + "where i.id = u.imageId and u.clusterId = :clusterId")
    List<ReferencedImage> imagesOfCluster(long clusterId);

    @Query("""
            select new io.posture.inventory.internal.ContainerImage(w.namespace, w.kind, w.name, c.name, c.image)
            from ContainerEntity c join c.workload w where w.clusterId = :clusterId""")
    List<ContainerImage> containerImages(long clusterId);

    /** Image IDs seen in pod status, per container of a workload: where the digest actually run comes from. */
    @Query("select r from RunningContainerEntity r where r.clusterId = :clusterId and r.imageId is not null")
    List<RunningContainerEntity> runningWithImageId(long clusterId);

    @Query("""
            select new io.posture.inventory.ImageViews$ImageUse(c.name, u.namespace, u.workloadKind, u.workloadName, u.containerName, u.reference)
            from ImageUseEntity u, ClusterEntity c where c.id = u.clusterId and u.imageId = :imageId
            order by c.name, u.namespace, u.workloadName, u.containerName""")
    List<ImageUse> usesOf(long imageId);

    @Query("""
            select new io.posture.inventory.ImageViews$ContainerImageLink(u.containerName, u.imageId) from ImageUseEntity u
            where u.clusterId = :clusterId and u.namespace = :namespace and u.workloadKind = :kind and u.workloadName = :name""")
    List<io.posture.inventory.ImageViews.ContainerImageLink> imagesOf(long clusterId, String namespace,
                                                                       io.posture.inventory.WorkloadKind kind, String name);

    @Query("select distinct u.clusterId from ImageUseEntity u where u.imageId in :imageIds")
    List<Long> clustersRunning(List<Long> imageIds);
}
