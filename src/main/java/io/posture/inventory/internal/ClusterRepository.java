package io.posture.inventory.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface ClusterRepository extends JpaRepository<ClusterEntity, Long> {
    Optional<ClusterEntity> findByName(String name);
}
