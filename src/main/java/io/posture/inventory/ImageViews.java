package io.posture.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the image inventory shows and takes. */
public final class ImageViews {

    private ImageViews() {
    }

    public enum FixState { FIXED, NOT_FIXED, WONT_FIX, UNKNOWN }

    /** An image in the images list; {@code workloads} counts the workloads running it now. */
    public record ImageSummary(long id, String registry, String repository, String digest, String os, Instant created,
                               String configUser, Boolean signed, int critical, int high, int fixable,
                               int fixableCriticalHigh, Instant lastScanned, long workloads, String firstTag) {

        public String name() {
            return registry + "/" + repository;
        }

        /** The name with a tag that points at this image (the first, if several do). */
        public String taggedName() {
            return firstTag == null ? name() : name() + ":" + firstTag;
        }
    }

    public record ImageDetail(ImageSummary summary, List<String> tags, String architecture, Map<String, String> labels,
                              Boolean attested, String scanner, List<ImageUse> uses, List<ScanRecord> scans) {
    }

    public record ImageUse(String cluster, String namespace, WorkloadKind kind, String workload, String container,
                           String reference) {
    }

    public record ScanRecord(String scanner, String scannerVersion, String sourceName, String sha256,
                             int vulnerabilityCount, String importedBy, Instant importedAt) {
    }

    /** A vulnerability of a package; severity is CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN. */
    public record Vulnerability(String id, String packageName, String installedVersion, String fixedVersion,
                                String severity, Double cvss, FixState fixState, String title, String url) {
    }

    /** The image a scan report describes, as the report names it. */
    public record ScannedImage(String reference, String digest, String os, String architecture, Instant created,
                               String configUser, Map<String, String> labels) {
    }

    public record ScanReport(String scanner, String scannerVersion, ScannedImage image, List<Vulnerability> vulnerabilities,
                             List<FoundSecret> secrets) {

        /** A scan that looked for vulnerabilities only. */
        public ScanReport(String scanner, String scannerVersion, ScannedImage image, List<Vulnerability> vulnerabilities) {
            this(scanner, scannerVersion, image, vulnerabilities, List.of());
        }
    }

    /** A scan of something that is not a container image: a repository, a file system, an SBOM, a VM ({@code kind}, as the scanner says). */
    public record ArtifactScan(String scanner, String scannerVersion, String kind, String name, List<Vulnerability> vulnerabilities,
                               List<FoundSecret> secrets) {
    }

    /**
     * A secret a scanner found: which rule, in which file and lines. Never the matched text, not even masked: the
     * lines around a match may hold another secret in the clear.
     */
    public record FoundSecret(String ruleId, String category, String severity, String title, String target,
                              Integer startLine, Integer endLine) {
    }

    /** A scanned artifact with its latest scan's counts. */
    public record ArtifactSummary(long id, String kind, String name, String scanner, int critical, int high, int vulnerabilities,
                                  int secrets, Instant lastScanned) {
    }

    /** An image as a registry describes it: manifest digest, tags pointing at it, config and signatures. */
    public record RegistryImage(String registry, String repository, String digest, List<String> tags, String os,
                                String architecture, Instant created, String configUser, Map<String, String> labels,
                                boolean signed, boolean attested) {
    }

    public record RegistrySummary(String registry, long repositories, long images, long imagesInUse) {
    }

    public record RepositorySummary(String registry, String repository, long images, long imagesInUse,
                                    int worstCritical, int worstHigh) {
    }

    /** A tag or untagged digest of a repository. */
    public record TagRow(long imageId, String tag, String digest, Instant created, Boolean signed, int critical,
                         int high, Instant lastScanned, boolean inUse) {
    }

    /** An image that has a given vulnerability, with the package and how many workloads run it. */
    public record CveOccurrence(long imageId, String registry, String repository, String digest, String vulnerabilityId,
                                String packageName, String installedVersion, String fixedVersion, String severity,
                                long workloads) {
    }

    /** How far a vulnerability spreads: packages of scanned images that have it, and how many of those images run. */
    public record CveSpread(long occurrences, long running) {
    }

    /** The image a container of a workload runs, for a link from the workload to the image. */
    public record ContainerImageLink(String container, long imageId) {
    }
}
