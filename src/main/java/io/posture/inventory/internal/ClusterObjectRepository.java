package io.posture.inventory.internal;

import io.posture.inventory.ObservedResource.SupportingKind;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface ClusterObjectRepository extends JpaRepository<ClusterObjectEntity, Long> {
    Optional<ClusterObjectEntity> findByClusterIdAndKindAndNamespaceAndName(long clusterId, SupportingKind kind,
                                                                            String namespace, String name);
}
