package io.posture.inventory.internal;

import io.posture.inventory.ObservedResource.SupportingKind;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface ClusterObjectRepository extends JpaRepository<ClusterObjectEntity, Long> {
    List<ClusterObjectEntity> findByClusterIdAndNameIn(long clusterId, java.util.Collection<String> names);

    Optional<ClusterObjectEntity> findByClusterIdAndKindAndNamespaceAndName(long clusterId, SupportingKind kind,
                                                                            String namespace, String name);

    /** RBAC, service accounts, policies and webhooks with bodies; everything else of the default namespace by name only. */
    @org.springframework.data.jpa.repository.Query("""
            select new io.posture.inventory.InventoryViews$ClusterObjectInfo(cast(e.kind as string), e.namespace, e.name,
                case when e.kind in (io.posture.inventory.ObservedResource$SupportingKind.Secret,
                    io.posture.inventory.ObservedResource$SupportingKind.ConfigMap,
                    io.posture.inventory.ObservedResource$SupportingKind.Service,
                    io.posture.inventory.ObservedResource$SupportingKind.Ingress) then null else e.body end)
            from ClusterObjectEntity e where e.clusterId = :clusterId and (e.namespace = 'default' or e.kind not in (
                io.posture.inventory.ObservedResource$SupportingKind.Secret,
                io.posture.inventory.ObservedResource$SupportingKind.ConfigMap,
                io.posture.inventory.ObservedResource$SupportingKind.Service,
                io.posture.inventory.ObservedResource$SupportingKind.Ingress))
            order by e.id""")
    List<io.posture.inventory.InventoryViews.ClusterObjectInfo> findForClusterRules(long clusterId);

    /** Removes what a complete run of the cluster did not see. */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from ClusterObjectEntity e where e.clusterId = :clusterId and (e.lastRunId is null or e.lastRunId <> :runId)")
    int deleteNotSeenIn(long clusterId, long runId);
}
