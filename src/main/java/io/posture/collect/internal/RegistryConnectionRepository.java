package io.posture.collect.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface RegistryConnectionRepository extends JpaRepository<RegistryConnectionEntity, Long> {
    Optional<RegistryConnectionEntity> findByName(String name);

    List<RegistryConnectionEntity> findAllByOrderByName();
}
