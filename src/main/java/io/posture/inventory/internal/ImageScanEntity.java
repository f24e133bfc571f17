package io.posture.inventory.internal;

import io.posture.inventory.ImageViews.ScanRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An imported scan report of an image: who imported which file (by SHA-256) when. */
@Entity
@Table(name = "image_scan")
public class ImageScanEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "image_id")
    private long imageId;
    private String scanner;
    @Column(name = "scanner_version")
    private String scannerVersion;
    @Column(name = "source_name")
    private String sourceName;
    private String sha256;
    @Column(name = "vulnerability_count")
    private int vulnerabilityCount;
    @Column(name = "imported_by")
    private String importedBy;
    @Column(name = "imported_at")
    private Instant importedAt;

    protected ImageScanEntity() {
    }

    public ImageScanEntity(long imageId, String scanner, String scannerVersion, String sourceName, String sha256,
                           int vulnerabilityCount, String importedBy, Instant importedAt) {
        this.imageId = imageId;
        this.scanner = scanner;
        this.scannerVersion = scannerVersion;
        this.sourceName = sourceName;
        this.sha256 = sha256;
        this.vulnerabilityCount = vulnerabilityCount;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    public ScanRecord toView() {
        return new ScanRecord(scanner, scannerVersion, sourceName, sha256, vulnerabilityCount, importedBy, importedAt);
    }
}
