package io.posture.inventory.internal;

import io.posture.inventory.ImageViews.ArtifactSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Something a scanner scanned that is not a container image (a repository, a directory, an SBOM), with its latest scan's counts. */
@Entity
@Table(name = "scanned_artifact")
public class ScannedArtifactEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String kind;
    private String name;
    private String scanner;
    @Column(name = "scanner_version")
    private String scannerVersion;
    @Column(name = "source_name")
    private String sourceName;
    private String sha256;
    @Column(name = "critical_count")
    private int critical;
    @Column(name = "high_count")
    private int high;
    @Column(name = "vulnerability_count")
    private int vulnerabilities;
    @Column(name = "secret_count")
    private int secrets;
    @Column(name = "last_scanned")
    private Instant lastScanned;
    @Column(name = "last_scanned_by")
    private String lastScannedBy;

    protected ScannedArtifactEntity() {
    }

    public ScannedArtifactEntity(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    /** The latest scan: who sent which file when, and what it found. */
    public void scanned(String scanner, String scannerVersion, String sourceName, String sha256, int critical, int high,
                        int vulnerabilities, int secrets, String actor, Instant at) {
        this.scanner = scanner;
        this.scannerVersion = scannerVersion;
        this.sourceName = sourceName;
        this.sha256 = sha256;
        this.critical = critical;
        this.high = high;
        this.vulnerabilities = vulnerabilities;
        this.secrets = secrets;
        this.lastScannedBy = actor;
        this.lastScanned = at;
    }

    public ArtifactSummary toSummary() {
        return new ArtifactSummary(id, kind, name, scanner, critical, high, vulnerabilities, secrets, lastScanned);
    }
}
