package io.posture.inventory.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface ScannedArtifactRepository extends JpaRepository<ScannedArtifactEntity, Long> {

    Optional<ScannedArtifactEntity> findByKindAndName(String kind, String name);
}
