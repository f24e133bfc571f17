package io.posture.inventory;

import io.posture.inventory.ImageViews.ArtifactScan;
import io.posture.inventory.ImageViews.ArtifactSummary;
import io.posture.inventory.internal.ArtifactVulnerabilityEntity;
import io.posture.inventory.internal.ArtifactVulnerabilityRepository;
import io.posture.inventory.internal.FoundSecretEntity;
import io.posture.inventory.internal.FoundSecretRepository;
import io.posture.inventory.internal.ScannedArtifactEntity;
import io.posture.inventory.internal.ScannedArtifactRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * Scans of what is not a container image (a repository, a directory, an SBOM, a VM), kept apart
 * from images: they run nowhere, so no workload or image control reads them.
 */
@Service
public class ArtifactCatalog {

    private final ScannedArtifactRepository artifacts;
    private final ArtifactVulnerabilityRepository vulnerabilities;
    private final FoundSecretRepository secrets;

    ArtifactCatalog(ScannedArtifactRepository artifacts, ArtifactVulnerabilityRepository vulnerabilities, FoundSecretRepository secrets) {
        this.artifacts = artifacts;
        this.vulnerabilities = vulnerabilities;
        this.secrets = secrets;
    }

    /** Stores a scan as the artifact's current vulnerabilities, replacing its previous scan's. */
    @Transactional
    public long recordScan(ArtifactScan scan, String sourceName, String sha256, String actor, Instant at) {
        var found = FoundVulnerabilities.of(scan.vulnerabilities());
        var artifact = artifacts.findByKindAndName(scan.kind(), scan.name())
                .orElseGet(() -> new ScannedArtifactEntity(scan.kind(), scan.name()));
        artifact.scanned(scan.scanner(), scan.scannerVersion(), sourceName, sha256, found.count("CRITICAL", false),
                found.count("HIGH", false), found.unique().size(), scan.secrets().size(), actor, at);
        long id = artifacts.save(artifact).getId();
        vulnerabilities.deleteByArtifact(id);
        vulnerabilities.flush();
        vulnerabilities.saveAll(found.unique().stream().map(each -> new ArtifactVulnerabilityEntity(id, each)).toList());
        secrets.deleteByArtifact(id);
        secrets.saveAll(scan.secrets().stream().map(secret -> FoundSecretEntity.inArtifact(id, secret)).toList());
        return id;
    }

    @Transactional(readOnly = true)
    public Page<ArtifactSummary> artifacts(Pageable pageable) {
        return artifacts.findAll(pageable).map(ScannedArtifactEntity::toSummary);
    }
}
