package io.posture.inventory;

import io.posture.inventory.ImageViews.CveOccurrence;
import io.posture.inventory.ImageViews.ImageDetail;
import io.posture.inventory.ImageViews.ImageSummary;
import io.posture.inventory.ImageViews.RegistryImage;
import io.posture.inventory.ImageViews.RegistrySummary;
import io.posture.inventory.ImageViews.RepositorySummary;
import io.posture.inventory.ImageViews.ScanReport;
import io.posture.inventory.ImageViews.TagRow;
import io.posture.inventory.ImageViews.Vulnerability;
import io.posture.inventory.internal.ContainerImage;
import io.posture.inventory.internal.FoundSecretEntity;
import io.posture.inventory.internal.FoundSecretRepository;
import io.posture.inventory.internal.ImageEntity;
import io.posture.inventory.internal.ImageRepository;
import io.posture.inventory.internal.ImageScanEntity;
import io.posture.inventory.internal.ImageScanRepository;
import io.posture.inventory.internal.KnownImages;
import io.posture.inventory.internal.ImageUseRepository;
import io.posture.inventory.internal.RunningContainerEntity;
import io.posture.inventory.internal.VulnerabilityEntity;
import io.posture.inventory.internal.VulnerabilityRepository;
import io.posture.shared.ImageFacts;
import io.posture.shared.ImageReference;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The image inventory: images by digest, the workloads that run them, their latest scan's
 * vulnerabilities, and what registries say about them. Scans and registry collections write
 * here; the images pages and the image rules read from here.
 */
@Service
public class ImageCatalog {

    /** Image ids per vulnerability query: H2 checks each row against the whole id list, so lists stay short. */
    private static final int FACTS_CHUNK = 500;

    private final ImageRepository images;
    private final ImageUseRepository uses;
    private final VulnerabilityRepository vulnerabilities;
    private final ImageScanRepository scans;
    private final FoundSecretRepository secrets;
    private final JsonMapper json;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    ImageCatalog(ImageRepository images, ImageUseRepository uses, VulnerabilityRepository vulnerabilities,
                 ImageScanRepository scans, FoundSecretRepository secrets, JsonMapper json,
                 org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.images = images;
        this.uses = uses;
        this.vulnerabilities = vulnerabilities;
        this.scans = scans;
        this.secrets = secrets;
        this.json = json;
        this.jdbc = jdbc;
    }

    /**
     * Stores a scan as the image's current vulnerabilities, replacing those of its previous scan.
     * The image is matched by digest, then by reference; one Posture has never seen is kept (not running).
     */
    @Transactional
    public long recordScan(ScanReport report, String sourceName, String sha256, String actor, Instant at) {
        var scanned = report.image();
        var reference = ImageReference.parse(scanned.reference());
        if (reference == null) {
            throw new IllegalArgumentException("the report does not name the image it scanned");
        }
        var digest = scanned.digest() != null ? scanned.digest() : reference.digest();
        var image = resolve(reference, digest, at);
        image.configure(scanned.os(), scanned.architecture(), scanned.created(), scanned.configUser(), labels(scanned.labels()));
        var found = FoundVulnerabilities.of(report.vulnerabilities());
        vulnerabilities.deleteByImage(image.getId());
        vulnerabilities.flush();
        vulnerabilities.saveAll(found.unique().stream().map(each -> new VulnerabilityEntity(image.getId(), each)).toList());
        secrets.deleteByImage(image.getId());
        secrets.saveAll(report.secrets().stream().map(secret -> FoundSecretEntity.inImage(image.getId(), secret)).toList());
        image.scanned(report.scanner(), at, found.count("CRITICAL", false), found.count("HIGH", false), found.fixable(),
                found.count("CRITICAL", true) + found.count("HIGH", true));
        scans.save(new ImageScanEntity(image.getId(), report.scanner(), report.scannerVersion(), sourceName, sha256,
                found.unique().size(), actor, at));
        return image.getId();
    }

    /** Records what a registry says about an image: its tags, config and signatures. */
    @Transactional
    public long recordRegistryImage(RegistryImage found, Instant at) {
        var image = images.findByDigest(found.digest()).stream()
                .filter(candidate -> candidate.getRegistry().equals(found.registry()) && candidate.getRepository().equals(found.repository()))
                .findFirst()
                .orElseGet(() -> images.save(new ImageEntity(found.registry(), found.repository(), found.digest(), null, at)));
        for (var tag : found.tags()) {
            images.findByIdentity(ImageEntity.identity(found.registry(), found.repository(), null, tag))
                    .filter(placeholder -> !placeholder.getId().equals(image.getId()) && placeholder.getLastScanned() == null)
                    .ifPresent(images::delete);
            image.getTags().add(tag);
        }
        image.configure(found.os(), found.architecture(), found.created(), found.configUser(), labels(found.labels()));
        image.signatures(found.signed(), found.attested());
        image.seen(at);
        return image.getId();
    }

    /** Rebuilds which images the cluster's workloads run, from its containers and the digests its pods report. */
    @Transactional
    public void refreshUses(long clusterId, Instant at) {
        var runningDigests = new HashMap<String, String>();
        for (RunningContainerEntity running : uses.runningWithImageId(clusterId)) {
            var digest = digestOf(running.getImageId());
            if (digest != null) {
                runningDigests.putIfAbsent(running.workloadContainerKey(), digest);
            }
        }
        record Wanted(ContainerImage container, ImageReference reference, String digest) {
        }
        var wanted = new ArrayList<Wanted>();
        for (ContainerImage container : uses.containerImages(clusterId)) {
            var reference = ImageReference.parse(container.image());
            if (reference != null) {
                var digest = reference.digest() != null ? reference.digest() : runningDigests.get(container.namespace() + "/"
                        + container.kind().name() + "/" + container.workloadName() + "/" + container.containerName());
                wanted.add(new Wanted(container, reference, digest));
            }
        }
        var known = KnownImages.load(images, wanted.stream().map(Wanted::reference).toList(),
                wanted.stream().map(Wanted::digest).filter(java.util.Objects::nonNull).toList());
        var rows = new ArrayList<Object[]>();
        for (var item : wanted) {
            var image = resolve(known, item.reference(), item.digest(), at);
            var container = item.container();
            rows.add(new Object[]{image.getId(), clusterId, container.namespace(), container.kind().name(), container.workloadName(),
                    container.containerName(), container.image()});
        }
        uses.deleteByCluster(clusterId);
        images.flush();
        jdbc.batchUpdate("insert into image_use (image_id, cluster_id, namespace, workload_kind, workload_name, container_name, reference) "
                + "values (?, ?, ?, ?, ?, ?, ?)", rows);
        images.markSeen(clusterId, at);
        images.markInUse();
        images.deleteUnusedPlaceholders();
    }

    /** The facts image rules need about every image the cluster runs, by reference as written. */
    @Transactional(readOnly = true)
    public ImageFacts.ByReference factsFor(long clusterId, Instant asOf) {
        var imageByReference = new HashMap<String, ImageEntity>();
        for (var use : uses.imagesOfCluster(clusterId)) {
            imageByReference.putIfAbsent(use.reference(), use.image());
        }
        var ids = imageByReference.values().stream().map(ImageEntity::getId).distinct().toList();
        var fixable = new HashMap<Long, List<String>>();
        for (int from = 0; from < ids.size(); from += FACTS_CHUNK) {
            for (var row : vulnerabilities.fixableCriticalHigh(ids.subList(from, Math.min(ids.size(), from + FACTS_CHUNK)))) {
                var found = fixable.computeIfAbsent(row.imageId(), id -> new ArrayList<>());
                if (!found.contains(row.vulnerabilityId())) {
                    found.add(row.vulnerabilityId());
                }
            }
        }
        var exploited = knownExploited(ids);
        var facts = new HashMap<String, ImageFacts>();
        imageByReference.forEach((reference, image) -> facts.put(reference, new ImageFacts(image.getDigest(), image.getSigned(),
                image.getConfigUser(), image.getCreatedAt(), image.getLastScanned(),
                List.copyOf(fixable.getOrDefault(image.getId(), List.of())),
                exploited == null ? null : List.copyOf(exploited.getOrDefault(image.getId(), List.of())))));
        return new ImageFacts.ByReference(asOf, Map.copyOf(facts));
    }

    /** The vulnerabilities of each image that CISA's KEV catalogue lists; null when no catalogue was imported. */
    private Map<Long, List<String>> knownExploited(List<Long> imageIds) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from known_exploited)", Boolean.class))) {
            return null;
        }
        var exploited = new HashMap<Long, List<String>>();
        for (int from = 0; from < imageIds.size(); from += FACTS_CHUNK) {
            var chunk = imageIds.subList(from, Math.min(imageIds.size(), from + FACTS_CHUNK));
            jdbc.query("select distinct v.image_id, v.vulnerability_id from vulnerability v join known_exploited k"
                    + " on k.cve_id = v.vulnerability_id where v.image_id in (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                    + ") order by v.vulnerability_id", row -> {
                exploited.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
            }, chunk.toArray());
        }
        return exploited;
    }

    public Page<ImageSummary> images(String text, String registry, boolean inUseOnly, Pageable pageable) {
        return images.summaries(text == null ? "" : text.trim(), registry == null ? "" : registry, inUseOnly, pageable);
    }

    @Transactional(readOnly = true)
    public Optional<ImageDetail> image(long id) {
        return images.summary(id).map(summary -> {
            var image = images.findById(id).orElseThrow();
            return new ImageDetail(summary, List.copyOf(image.getTags()), image.getArchitecture(), parseLabels(image.getLabels()),
                    image.getAttested(), image.getScanner(), uses.usesOf(id),
                    scans.findTop20ByImageIdOrderByImportedAtDesc(id).stream().map(ImageScanEntity::toView).toList());
        });
    }

    /** An image's vulnerabilities grouped by package; in each package the fixable and most severe first. */
    public Page<Vulnerability> vulnerabilities(long imageId, Pageable pageable) {
        return vulnerabilities.ofImage(imageId, pageable).map(VulnerabilityEntity::toView);
    }

    /** The secrets the image's latest scan found: rule, file and lines, never the matched text. */
    @Transactional(readOnly = true)
    public List<ImageViews.FoundSecret> secrets(long imageId) {
        return secrets.findByImageIdOrderByTargetAscStartLineAsc(imageId).stream().map(FoundSecretEntity::toView).toList();
    }

    /** Where does a vulnerability run: every image that has it, in use first. */
    public Page<CveOccurrence> whereIs(String vulnerabilityId, Pageable pageable) {
        return vulnerabilities.occurrences(normalizedVulnerabilityId(vulnerabilityId), pageable);
    }

    public ImageViews.CveSpread spread(String vulnerabilityId) {
        return vulnerabilities.spread(normalizedVulnerabilityId(vulnerabilityId));
    }

    /** CVE ids are upper case ({@code cve-2024-1} finds CVE-2024-1); other ids (GHSA) as written. */
    public static String normalizedVulnerabilityId(String text) {
        var trimmed = text == null ? "" : text.trim();
        return trimmed.regionMatches(true, 0, "CVE-", 0, 4) ? trimmed.toUpperCase(Locale.ROOT) : trimmed;
    }

    public List<RegistrySummary> registries() {
        return images.registries();
    }

    public Page<RepositorySummary> repositories(String registry, Pageable pageable) {
        return images.repositories(registry, pageable);
    }

    /** A repository's tags, newest image first; a digest no tag points at is listed untagged. */
    @Transactional(readOnly = true)
    public List<TagRow> tags(String registry, String repository) {
        var rows = new ArrayList<TagRow>();
        for (var image : images.findByRegistryAndRepositoryOrderByCreatedAtDesc(registry, repository)) {
            var tags = image.getTags().isEmpty() ? List.<String>of("") : List.copyOf(image.getTags());
            for (var tag : tags) {
                rows.add(new TagRow(image.getId(), tag, image.getDigest(), image.getCreatedAt(), image.getSigned(),
                        image.getCriticalCount(), image.getHighCount(), image.getLastScanned(), image.isInUse()));
            }
        }
        return rows;
    }

    /** The image each container of a workload runs (as of the cluster's latest evaluation), by container name. */
    public Map<String, Long> imagesOf(long clusterId, String namespace, WorkloadKind kind, String name) {
        var links = new HashMap<String, Long>();
        uses.imagesOf(clusterId, namespace, kind, name).forEach(link -> links.put(link.container(), link.imageId()));
        return links;
    }

    /** The clusters whose workloads run any of the images: the ones to evaluate again when they change. */
    public List<Long> clustersRunning(List<Long> imageIds) {
        return imageIds.isEmpty() ? List.of() : uses.clustersRunning(imageIds);
    }

    private ImageEntity resolve(ImageReference reference, String digest, Instant at) {
        return resolve(KnownImages.load(images, List.of(reference), digest == null ? List.of() : List.of(digest)), reference, digest, at);
    }

    /** The image a reference runs: by digest, else the digest its tag was seen at, else a placeholder for the tag. */
    private ImageEntity resolve(KnownImages known, ImageReference reference, String digest, Instant at) {
        var tag = reference.tag() != null ? reference.tag() : reference.digest() == null ? "latest" : null;
        if (digest != null) {
            var byDigest = known.byDigest(reference, digest);
            if (byDigest != null) {
                if (tag != null) {
                    byDigest.getTags().add(tag);
                }
                return byDigest;
            }
            var placeholder = known.byIdentity(ImageEntity.identity(reference.registry(), reference.repository(), null, tag));
            if (placeholder != null) {
                known.forget(placeholder);
                placeholder.identify(digest, tag);
                known.remember(placeholder);
                return placeholder;
            }
            return known.remember(images.save(new ImageEntity(reference.registry(), reference.repository(), digest, tag, at)));
        }
        var tagged = known.byTag(reference, tag);
        if (tagged != null) {
            return tagged;
        }
        var placeholder = known.byIdentity(ImageEntity.identity(reference.registry(), reference.repository(), null, tag));
        return placeholder != null ? placeholder
                : known.remember(images.save(new ImageEntity(reference.registry(), reference.repository(), null, tag, at)));
    }

    /** The manifest digest in a pod status image ID ({@code docker-pullable://repo@sha256:…}); a bare config ID is not one. */
    static String digestOf(String imageId) {
        int at = imageId == null ? -1 : imageId.indexOf("@sha256:");
        return at < 0 ? null : imageId.substring(at + 1);
    }

    private String labels(Map<String, String> labels) {
        return labels == null ? null : json.writeValueAsString(new TreeMap<>(labels));
    }

    private Map<String, String> parseLabels(String labels) {
        return json.readValue(labels == null ? "{}" : labels, new TypeReference<TreeMap<String, String>>() { });
    }
}
