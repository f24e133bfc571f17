package io.posture.scoring.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ClusterBenchmarkRepository extends JpaRepository<ClusterBenchmarkEntity, ClusterBenchmarkEntity.Key> {
    List<ClusterBenchmarkEntity> findByClusterId(long clusterId);
}
