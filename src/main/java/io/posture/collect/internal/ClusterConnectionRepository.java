package io.posture.collect.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface ClusterConnectionRepository extends JpaRepository<ClusterConnectionEntity, Long> {

    Optional<ClusterConnectionEntity> findByClusterName(String clusterName);

    List<ClusterConnectionEntity> findAllByOrderByClusterName();
}
