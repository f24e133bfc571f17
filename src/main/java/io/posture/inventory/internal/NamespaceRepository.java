package io.posture.inventory.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface NamespaceRepository extends JpaRepository<NamespaceEntity, Long> {
    Optional<NamespaceEntity> findByClusterIdAndName(long clusterId, String name);

    List<NamespaceEntity> findByClusterId(long clusterId);
}
