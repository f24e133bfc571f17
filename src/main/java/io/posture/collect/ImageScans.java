package io.posture.collect;

import io.posture.inventory.ImageViews.ScanReport;
import io.posture.collect.internal.ScanReportReader;
import io.posture.inventory.ArtifactCatalog;
import io.posture.inventory.ImageCatalog;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import io.posture.shared.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports vulnerability scan reports (Trivy, Grype) of images, from the Images page, the HTTP API
 * and the demo estate. A report replaces the vulnerabilities of the image it scanned; a bad file is
 * refused whole and changes nothing.
 */
@Service
public class ImageScans {

    /** What an import stored: per image, its id, the reference the report used, and the vulnerabilities kept. */
    public record ImportedImage(long imageId, String reference, String digest, int vulnerabilities, int secrets) {
    }

    /** A scan of something that is not an image (a repository, a directory, an SBOM), kept apart from images. */
    public record ImportedArtifact(long artifactId, String kind, String name, int vulnerabilities, int secrets) {
    }

    public record ImportResult(String scanner, String sha256, List<ImportedImage> images, List<ImportedArtifact> artifacts,
                               List<String> skipped) {

        /** One line for the person who uploaded the file. */
        public String describe(String fileName) {
            var parts = new ArrayList<String>();
            if (!images.isEmpty()) {
                parts.add(images.stream().mapToInt(ImportedImage::vulnerabilities).sum() + " vulnerabilities of " + images.size()
                        + (images.size() == 1 ? " image" : " images"));
            }
            artifacts.forEach(artifact -> parts.add(artifact.vulnerabilities() + " vulnerabilities of " + artifact.kind() + " "
                    + artifact.name() + " (not an image: listed under Other scanned artifacts)"));
            int secrets = images.stream().mapToInt(ImportedImage::secrets).sum() + artifacts.stream().mapToInt(ImportedArtifact::secrets).sum();
            if (secrets > 0) {
                parts.add(secrets + (secrets == 1 ? " secret" : " secrets") + " (where, not what: matched values are never kept)");
            }
            var text = fileName + ": " + (parts.isEmpty() ? "nothing stored" : String.join(", ", parts))
                    + (scanner == null ? "" : " from " + scanner);
            return skipped.isEmpty() ? text : text + "; left out: " + (skipped.size() <= 3 ? String.join("; ", skipped)
                    : skipped.getFirst() + " and " + (skipped.size() - 1) + " more");
        }
    }

    private final ImageCatalog catalog;
    private final ArtifactCatalog artifactCatalog;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxFileBytes;

    ImageScans(ImageCatalog catalog, ArtifactCatalog artifactCatalog, ApplicationEventPublisher events, AuditLog audit, Clock clock,
               @Value("${posture.import.max-file-size:16MB}") DataSize maxFileSize) {
        this.catalog = catalog;
        this.artifactCatalog = artifactCatalog;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.maxFileBytes = maxFileSize.toBytes();
    }

    @PreAuthorize(Roles.CAN_IMPORT)
    @Transactional
    public ImportResult upload(String fileName, byte[] content) {
        return store(fileName, content);
    }

    /** A report file read at start-up (the demo estate): trusted, so no user permission applies. */
    @Transactional
    public ImportResult importFile(Path file) {
        return store(file.getFileName().toString(), UploadNames.contentOf(file));
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    private ImportResult store(String fileName, byte[] content) {
        if (content.length > maxFileBytes) {
            throw new ManifestException(UploadNames.baseName(fileName) + " is " + content.length / (1024 * 1024)
                    + " MB; scan reports may be at most " + maxFileBytes / (1024 * 1024) + " MB");
        }
        var parsed = ScanReportReader.read(content);
        var sha256 = Sha256.hex(content);
        var images = record(fileName, sha256, parsed.reports());
        var artifacts = new ArrayList<ImportedArtifact>();
        for (var scan : parsed.artifacts()) {
            long id = artifactCatalog.recordScan(scan, UploadNames.baseName(fileName), sha256, AuditLog.currentActor(), clock.instant());
            artifacts.add(new ImportedArtifact(id, scan.kind(), scan.name(), scan.vulnerabilities().size(), scan.secrets().size()));
            audit.record("scan.imported", scan.scanner() + " " + UploadNames.baseName(fileName), null,
                    scan.kind() + " " + scan.name() + ", " + scan.vulnerabilities().size() + " vulnerabilities", sha256);
        }
        var scanner = !parsed.reports().isEmpty() ? parsed.reports().getFirst().scanner()
                : !parsed.artifacts().isEmpty() ? parsed.artifacts().getFirst().scanner() : null;
        return new ImportResult(scanner, sha256, images.images(), List.copyOf(artifacts), parsed.skipped());
    }

    /**
     * Stores reports already read as the scans of their images, each image's replacing its previous scan: Trivy
     * Operator VulnerabilityReports found among a run's manifests or in a collected cluster, inside the import or
     * collection its caller authorised (a user's import, or a collection an administrator configured).
     */
    @Transactional
    public ImportResult record(String fileName, String sha256, List<ScanReport> reports) {
        var now = clock.instant();
        var actor = AuditLog.currentActor();
        var imported = new ArrayList<ImportedImage>();
        for (var report : reports) {
            long imageId;
            try {
                imageId = catalog.recordScan(report, UploadNames.baseName(fileName), sha256, actor, now);
            } catch (IllegalArgumentException e) {
                throw new ManifestException(e.getMessage());
            }
            imported.add(new ImportedImage(imageId, report.image().reference(), report.image().digest(), report.vulnerabilities().size(),
                    report.secrets().size()));
        }
        if (imported.isEmpty()) {
            return new ImportResult(null, sha256, List.of(), List.of(), List.of());
        }
        var scanner = reports.getFirst().scanner();
        audit.record("scan.imported", scanner + " " + UploadNames.baseName(fileName), null,
                imported.size() + (imported.size() == 1 ? " image, " : " images, ")
                        + imported.stream().mapToInt(ImportedImage::vulnerabilities).sum() + " vulnerabilities", sha256);
        events.publishEvent(new ImageScansImported(imported.stream().map(ImportedImage::imageId).toList()));
        return new ImportResult(scanner, sha256, List.copyOf(imported), List.of(), List.of());
    }
}
