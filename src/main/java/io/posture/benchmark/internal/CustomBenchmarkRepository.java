package io.posture.benchmark.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomBenchmarkRepository extends JpaRepository<CustomBenchmarkEntity, String> {
}
