package io.posture.inventory.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface FoundSecretRepository extends JpaRepository<FoundSecretEntity, Long> {

    @Modifying
    @Query("delete from FoundSecretEntity s where s.imageId = :imageId")
    void deleteByImage(long imageId);

    @Modifying
    @Query("delete from FoundSecretEntity s where s.artifactId = :artifactId")
    void deleteByArtifact(long artifactId);

    List<FoundSecretEntity> findByImageIdOrderByTargetAscStartLineAsc(long imageId);
}
