package io.posture.inventory.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ImageScanRepository extends JpaRepository<ImageScanEntity, Long> {
    List<ImageScanEntity> findTop20ByImageIdOrderByImportedAtDesc(long imageId);
}
