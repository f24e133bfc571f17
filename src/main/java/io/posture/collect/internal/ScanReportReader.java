package io.posture.collect.internal;

import io.posture.collect.ManifestException;
import io.posture.collect.internal.JsonShape.Check;
import io.posture.inventory.ImageViews.ArtifactScan;
import io.posture.inventory.ImageViews.FixState;
import io.posture.inventory.ImageViews.FoundSecret;
import io.posture.inventory.ImageViews.ScanReport;
import io.posture.inventory.ImageViews.ScannedImage;
import io.posture.inventory.ImageViews.Vulnerability;
import io.posture.shared.ImageReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static io.posture.collect.internal.JsonShape.NUMBER;
import static io.posture.collect.internal.JsonShape.STRING;
import static io.posture.collect.internal.JsonShape.STRINGS;
import static io.posture.collect.internal.JsonShape.STRING_MAP;
import static io.posture.collect.internal.JsonShape.list;
import static io.posture.collect.internal.JsonShape.map;
import static io.posture.collect.internal.JsonShape.object;

/**
 * Reads vulnerability scan reports of images: Trivy JSON (schema 2, the older bare array of
 * results, and every trivy k8s shape, which covers many images), Grype JSON, and Trivy Operator
 * VulnerabilityReports (one, or a List of them).
 * Entries without a vulnerability id or package are skipped and counted; a file of another kind
 * is refused with what was expected.
 */
public final class ScanReportReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // The shapes of the fields read, as the tools write them; lengths as the inventory's columns hold them.
    private static final Check IMAGE_METADATA = object(Map.of("RepoTags", STRINGS, "RepoDigests", STRINGS,
            "Reference", JsonShape.text(1024), "OS", object(Map.of("Family", STRING, "Name", STRING)),
            "ImageConfig", object(Map.of("architecture", STRING, "created", STRING,
                    "config", object(Map.of("User", STRING, "Labels", STRING_MAP))))));
    private static final Check TRIVY_SECRET = object(Map.of("RuleID", JsonShape.text(128), "Category", JsonShape.text(128),
            "Severity", STRING, "Title", JsonShape.text(1000), "StartLine", NUMBER, "EndLine", NUMBER));
    private static final Check TRIVY_RESULT = object(Map.of("Target", STRING, "Class", STRING, "Secrets", list(TRIVY_SECRET),
            "Vulnerabilities", list(object(Map.of("VulnerabilityID", JsonShape.text(128), "PkgName", JsonShape.text(512),
                    "InstalledVersion", JsonShape.text(253), "FixedVersion", JsonShape.text(512), "Severity", STRING, "Status", STRING,
                    "Title", STRING, "PrimaryURL", STRING,
                    "CVSS", map(object(Map.of("V3Score", NUMBER, "V2Score", NUMBER))))))));
    private static final Check TRIVY = object(Map.of("SchemaVersion", NUMBER, "ArtifactName", JsonShape.text(1024),
            "ArtifactType", STRING, "Metadata", IMAGE_METADATA, "Results", list(TRIVY_RESULT),
            "Trivy", object(Map.of("Version", STRING))));
    /** One resource of a trivy k8s report; its Metadata is one object in some versions, a list in others. */
    private static final Check TRIVY_RESOURCE = object(Map.of("Namespace", STRING, "Kind", STRING, "Name", STRING,
            "Metadata", JsonShape.oneOrList(IMAGE_METADATA), "Results", list(TRIVY_RESULT), "Error", STRING));
    /**
     * trivy k8s: {@code --report all} lists {@code Resources}, {@code --report summary} {@code Findings}, and
     * versions before 0.40 split them into {@code Vulnerabilities} and {@code Misconfigurations}.
     */
    private static final List<String> TRIVY_RESOURCE_LISTS = List.of("Resources", "Findings", "Vulnerabilities", "Misconfigurations");
    private static final Check TRIVY_KUBERNETES = object(Map.of("ClusterName", STRING, "Resources", list(TRIVY_RESOURCE),
            "Findings", list(TRIVY_RESOURCE), "Vulnerabilities", list(TRIVY_RESOURCE), "Misconfigurations", list(TRIVY_RESOURCE)));
    private static final Check TRIVY_RESULTS = list(TRIVY_RESULT);
    private static final Check GRYPE = object(Map.of(
            "matches", list(object(Map.of(
                    "vulnerability", object(Map.of("id", JsonShape.text(128), "severity", STRING, "dataSource", STRING,
                            "description", STRING, "urls", STRINGS, "fix", object(Map.of("versions", STRINGS, "state", STRING)),
                            "cvss", list(object(Map.of("metrics", object(Map.of("baseScore", NUMBER))))))),
                    "artifact", object(Map.of("name", JsonShape.text(512), "version", JsonShape.text(253)))))),
            "source", object(Map.of("type", STRING)),
            "distro", object(Map.of("name", STRING, "version", STRING)),
            "descriptor", object(Map.of("version", STRING))));

    /** The reports read (one per image), the scans of what is not an image, and the entries skipped, with why. */
    public record Parsed(List<ScanReport> reports, List<ArtifactScan> artifacts, List<String> skipped) {
    }

    /** Trivy's ArtifactType of a scan that is not of a container image, as Posture names the kind of artifact. */
    private static final Map<String, String> TRIVY_ARTIFACTS = Map.of("filesystem", "filesystem", "repository", "repository",
            "cyclonedx", "sbom", "spdx", "sbom", "vm", "vm");
    /** Grype's source types that are not container images. */
    private static final Set<String> GRYPE_ARTIFACTS = Set.of("directory", "file", "sbom", "purl");

    private ScanReportReader() {
    }

    public static Parsed read(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw new ManifestException(ReportFormats.recogniseText(content).map(format -> "not a scan report but " + format)
                    .orElse("not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ManifestException("the file is empty");
        }
        var other = ReportFormats.recognise(root);
        if (other.isPresent()) {
            throw new ManifestException("not a scan report but " + other.get() + "; nothing stored");
        }
        var skipped = new ArrayList<String>();
        List<ScanReport> reports;
        if (root.isObject() && root.has("matches")) {
            requireShape(GRYPE, root, "Grype");
            var source = text(root.path("source").path("type"), "image");
            if (GRYPE_ARTIFACTS.contains(source)) {
                return new Parsed(List.of(), List.of(grypeArtifact(root, source, skipped)), List.copyOf(skipped));
            }
            if (source.equals("unknown") && root.path("matches").isEmpty()) {
                return new Parsed(List.of(), List.of(), List.of("an empty Grype report that names no target: nothing found, nothing recorded"));
            }
            reports = List.of(grype(root, skipped));
        } else if (root.isObject() && (root.has("Resources") || root.has("Findings") || root.has("ClusterName"))) {
            requireShape(TRIVY_KUBERNETES, root, "trivy k8s");
            reports = trivyKubernetes(root, skipped);
            notImported(TRIVY_RESOURCE_LISTS.stream().flatMap(list -> root.path(list).valueStream())
                    .flatMap(resource -> resource.path("Results").valueStream()).toList(), true, skipped);
        } else if (root.isObject() && (root.has("Results") || root.has("SchemaVersion"))) {
            requireShape(TRIVY, root, "Trivy");
            var artifact = trivyArtifact(root, skipped);
            if (artifact.isPresent()) {
                return new Parsed(List.of(), List.of(artifact.get()), List.copyOf(skipped));
            }
            reports = List.of(trivy(root, skipped));
            notImported(root.path("Results").valueStream().toList(), false, skipped);
        } else if (root.isObject() && TrivyOperatorReport.isVulnerabilityReport(text(root.path("kind")), text(root.path("apiVersion")))) {
            reports = List.of(TrivyOperatorReport.read(root));
        } else if (root.isObject() && root.path("items").isArray() && text(root.path("kind"), "").endsWith("List")) {
            reports = operatorReports(root, skipped);
        } else if (root.isArray() && (root.isEmpty() || root.get(0).has("Target"))) {
            requireShape(TRIVY_RESULTS, root, "Trivy");
            reports = List.of(trivyArray(root, skipped));
        } else {
            throw new ManifestException("not a Trivy or Grype report: expected Trivy JSON (SchemaVersion and Results, "
                    + "Resources from trivy k8s, or an array of results), Grype JSON (matches and source) or Trivy Operator "
                    + "VulnerabilityReports (kubectl get vulnerabilityreports -o json)");
        }
        if (reports.isEmpty()) {
            throw new ManifestException("the report names no image");
        }
        return new Parsed(reports, List.of(), List.copyOf(skipped));
    }

    /**
     * Says what a Trivy report held that Posture does not import yet, so that an import is not taken for a full one:
     * misconfigurations (Posture's benchmarks check configuration themselves) and, in trivy k8s reports, secrets.
     */
    private static void notImported(List<JsonNode> results, boolean kubernetes, List<String> skipped) {
        long failedChecks = results.stream().flatMap(result -> result.path("Misconfigurations").valueStream())
                .filter(check -> !"PASS".equals(text(check.path("Status"), "FAIL"))).count();
        if (failedChecks > 0) {
            skipped.add(failedChecks + " failed misconfiguration checks, not imported yet (Posture's benchmarks check "
                    + "configuration from the manifests themselves)");
        }
        long secrets = kubernetes ? results.stream().mapToLong(result -> result.path("Secrets").size()).sum() : 0;
        if (secrets > 0) {
            skipped.add(secrets + " secrets found in workloads, not imported yet from trivy k8s reports");
        }
    }

    /**
     * {@code kubectl get vulnerabilityreports -o json}: a List of the operator's reports, one per workload container.
     * A malformed report or an object of another kind is skipped with its reason; the others are read.
     */
    private static List<ScanReport> operatorReports(JsonNode list, List<String> skipped) {
        var reports = new ArrayList<ScanReport>();
        int index = 0;
        for (var item : list.path("items")) {
            index++;
            var kind = text(item.path("kind"), "an object without a kind");
            if (!TrivyOperatorReport.isVulnerabilityReport(kind, text(item.path("apiVersion")))) {
                skipped.add("item " + index + ", " + JsonShape.abbreviate(kind) + ", which is not a Trivy Operator VulnerabilityReport");
                continue;
            }
            try {
                reports.add(TrivyOperatorReport.read(item));
            } catch (ManifestException e) {
                skipped.add("item " + index + ": " + e.getMessage());
            }
        }
        if (reports.isEmpty()) {
            throw new ManifestException("a list of " + index + " objects without a readable Trivy Operator VulnerabilityReport"
                    + (skipped.isEmpty() ? "" : " (" + skipped.getFirst() + ")"));
        }
        return reports;
    }

    /** A report of the wrong shape is refused whole: read as "no vulnerabilities", it would clear an image's record. */
    private static void requireShape(Check shape, JsonNode root, String tool) {
        var problems = shape.problems(root);
        if (!problems.isEmpty()) {
            throw new ManifestException("not a well-formed " + tool + " report, nothing stored: " + String.join("; ", problems));
        }
    }

    private static String imageReference(String reference, String where) {
        if (reference != null && !ImageReference.isWellFormed(reference)) {
            throw new ManifestException(where + " '" + JsonShape.abbreviate(reference) + "' is not an image reference, nothing stored");
        }
        return reference;
    }

    private static ScanReport trivy(JsonNode root, List<String> skipped) {
        var reference = text(root.path("ArtifactName"));
        if (reference == null || isArchivePath(reference)) {
            // trivy image --input image.tar names the archive: the image is in the metadata
            var metadata = root.path("Metadata");
            reference = text(metadata.path("RepoTags").path(0));
            reference = reference != null ? reference : text(metadata.path("Reference"));
        }
        if (reference == null) {
            throw new ManifestException("the Trivy report does not say which image it scanned (no ArtifactName, RepoTags or Reference)");
        }
        imageReference(reference, "the scanned image");
        var vulnerabilities = new ArrayList<Vulnerability>();
        for (var result : root.path("Results")) {
            trivyVulnerabilities(result, vulnerabilities, skipped);
        }
        return new ScanReport("trivy", text(root.path("Trivy").path("Version")), trivyImage(reference, root.path("Metadata")),
                vulnerabilities, trivySecrets(root));
    }

    /**
     * The secrets of a schema-2 report: rule, file and lines only. Match and Code are never read: Trivy masks the
     * matched value, but the lines of context it keeps beside a match can hold another secret in the clear.
     */
    private static List<FoundSecret> trivySecrets(JsonNode root) {
        var secrets = new ArrayList<FoundSecret>();
        for (var result : root.path("Results")) {
            for (var secret : result.path("Secrets")) {
                var rule = text(secret.path("RuleID"));
                if (rule == null) {
                    continue;
                }
                secrets.add(new FoundSecret(rule, text(secret.path("Category")), severity(text(secret.path("Severity"))),
                        clip(text(secret.path("Title")), 1000), clip(text(result.path("Target")), 1024),
                        line(secret.path("StartLine")), line(secret.path("EndLine"))));
            }
        }
        return secrets;
    }

    private static Integer line(JsonNode node) {
        return node.canConvertToInt() && node.isIntegralNumber() && node.asInt() >= 0 ? node.asInt() : null;
    }

    private static ScanReport trivyArray(JsonNode root, List<String> skipped) {
        var vulnerabilities = new ArrayList<Vulnerability>();
        String reference = null;
        for (var result : root) {
            if (reference == null) {
                reference = targetImage(text(result.path("Target")));
            }
            trivyVulnerabilities(result, vulnerabilities, skipped);
        }
        if (reference == null) {
            throw new ManifestException("the Trivy report's results name no Target image");
        }
        imageReference(reference, "the Target image");
        return new ScanReport("trivy", null, trivyImage(reference, null), vulnerabilities);
    }

    /**
     * trivy k8s: a resource's results name their image in Target; one report per image across resources. Resources
     * running the same image repeat its results: the first resource's stand for the image.
     */
    private static List<ScanReport> trivyKubernetes(JsonNode root, List<String> skipped) {
        var byImage = new LinkedHashMap<String, List<Vulnerability>>();
        var metadata = new LinkedHashMap<String, JsonNode>();
        for (var list : TRIVY_RESOURCE_LISTS) {
            for (var resource : root.path(list)) {
                for (var image : imageMetadata(resource)) {
                    var name = text(image.path("Reference"));
                    if (name == null && image.path("RepoTags").size() > 0) {
                        name = text(image.path("RepoTags").get(0));
                    }
                    if (name != null) {
                        metadata.putIfAbsent(name, image);
                    }
                }
                resourceVulnerabilities(resource, skipped).forEach(byImage::putIfAbsent);
            }
        }
        var reports = new ArrayList<ScanReport>();
        byImage.forEach((image, vulnerabilities) -> {
            if (!ImageReference.isWellFormed(image)) {
                skipped.add("'" + JsonShape.abbreviate(image) + "', which is not an image reference");
            } else {
                reports.add(new ScanReport("trivy", null, trivyImage(image, metadata.get(image)), vulnerabilities));
            }
        });
        return reports;
    }

    /** An os-pkgs result names its image in Target; the language-package results after it are files in that image. */
    private static Map<String, List<Vulnerability>> resourceVulnerabilities(JsonNode resource, List<String> skipped) {
        var byImage = new LinkedHashMap<String, List<Vulnerability>>();
        var image = resourceImage(resource);
        for (var result : resource.path("Results")) {
            // only package results say what vulnerabilities an image has; a configuration or secret result does not
            // make an image "scanned, nothing found"
            var resultClass = text(result.path("Class"), result.has("Vulnerabilities") ? "os-pkgs" : "");
            if (!resultClass.equals("os-pkgs") && !resultClass.equals("lang-pkgs")) {
                continue;
            }
            if (resultClass.equals("os-pkgs")) {
                image = targetImage(text(result.path("Target")));
            }
            if (image != null) {
                trivyVulnerabilities(result, byImage.computeIfAbsent(image, key -> new ArrayList<>()), skipped);
            }
        }
        return byImage;
    }

    private static List<JsonNode> imageMetadata(JsonNode resource) {
        var metadata = resource.path("Metadata");
        var all = new ArrayList<JsonNode>();
        if (metadata.isArray()) {
            metadata.forEach(all::add);
        } else if (metadata.isObject()) {
            all.add(metadata);
        }
        return all;
    }

    private static String resourceImage(JsonNode resource) {
        var images = imageMetadata(resource);
        if (images.isEmpty()) {
            return null;
        }
        var first = images.getFirst();
        var name = text(first.path("Reference"));
        return name != null ? name : text(first.path("RepoTags").path(0));
    }

    private static void trivyVulnerabilities(JsonNode result, List<Vulnerability> into, List<String> skipped) {
        for (var vulnerability : result.path("Vulnerabilities")) {
            var id = text(vulnerability.path("VulnerabilityID"));
            var packageName = text(vulnerability.path("PkgName"));
            if (id == null || packageName == null) {
                skipped.add("a vulnerability without " + (id == null ? "VulnerabilityID" : "PkgName") + " in " + text(result.path("Target"), "a result"));
                continue;
            }
            var fixed = text(vulnerability.path("FixedVersion"));
            Double cvss = null;
            for (var source : vulnerability.path("CVSS")) {
                var score = number(source.path("V3Score"));
                cvss = max(cvss, score != null ? score : number(source.path("V2Score")));
            }
            into.add(new Vulnerability(id, packageName, text(vulnerability.path("InstalledVersion")), fixed,
                    severity(text(vulnerability.path("Severity"))), cvss, trivyFixState(text(vulnerability.path("Status")), fixed),
                    clip(text(vulnerability.path("Title")), 1000), clip(text(vulnerability.path("PrimaryURL")), 1000)));
        }
    }

    private static ScannedImage trivyImage(String reference, JsonNode metadata) {
        if (metadata == null || metadata.isMissingNode() || metadata.isNull()) {
            return new ScannedImage(reference, null, null, null, null, null, Map.of());
        }
        String digest = null;
        var parsed = ImageReference.parse(reference);
        for (var repoDigest : metadata.path("RepoDigests")) {
            var candidate = ImageReference.parse(text(repoDigest));
            if (candidate != null && candidate.digest() != null && (digest == null || parsed != null
                    && candidate.repository().equals(parsed.repository()) && candidate.registry().equals(parsed.registry()))) {
                digest = candidate.digest();
            }
        }
        var os = join(text(metadata.path("OS").path("Family")), text(metadata.path("OS").path("Name")));
        var config = metadata.path("ImageConfig");
        var known = config.isObject();
        return new ScannedImage(reference, digest, os, text(config.path("architecture")), instant(text(config.path("created"))),
                known ? text(config.path("config").path("User"), "") : null, labels(config.path("config").path("Labels")));
    }

    /**
     * trivy fs, repo, rootfs, sbom and vm scans name what they scanned in ArtifactName; older versions without an
     * ArtifactType are recognised by metadata that describes no image (no tags, reference or image ID).
     */
    private static Optional<ArtifactScan> trivyArtifact(JsonNode root, List<String> skipped) {
        var type = text(root.path("ArtifactType"));
        var metadata = root.path("Metadata");
        var describesImage = metadata.path("RepoTags").size() > 0 || text(metadata.path("Reference")) != null
                || text(metadata.path("ImageID")) != null;
        var name = text(root.path("ArtifactName"));
        // without an ArtifactType (older Trivy), a path for a name and metadata of no image mean a file system scan
        String kind = type != null ? TRIVY_ARTIFACTS.get(type) : describesImage || !isPath(name) ? null : "filesystem";
        if (kind == null || name == null) {
            if (type != null && !type.equals("container_image")) {
                throw new ManifestException("the Trivy report scanned a " + JsonShape.abbreviate(type) + ", which Posture does not keep");
            }
            return Optional.empty();
        }
        var vulnerabilities = new ArrayList<Vulnerability>();
        for (var result : root.path("Results")) {
            trivyVulnerabilities(result, vulnerabilities, skipped);
        }
        return Optional.of(new ArtifactScan("trivy", text(root.path("Trivy").path("Version")), kind, name, vulnerabilities,
                trivySecrets(root)));
    }

    private static ArtifactScan grypeArtifact(JsonNode root, String kind, List<String> skipped) {
        var target = root.path("source").path("target");
        var name = target.isObject() ? text(target.path("path"), text(target.path("userInput"))) : text(target);
        if (name == null) {
            throw new ManifestException("the Grype report does not name the " + kind + " it scanned (source.target)");
        }
        return new ArtifactScan("grype", text(root.path("descriptor").path("version")), kind, clip(name, 1024),
                grypeVulnerabilities(root, skipped), List.of());
    }

    private static ScanReport grype(JsonNode root, List<String> skipped) {
        var source = root.path("source");
        if (source.has("type") && !text(source.path("type"), "image").equals("image")) {
            throw new ManifestException("the Grype report scanned a " + text(source.path("type")) + ", which is neither an image nor a "
                    + "directory, file or SBOM");
        }
        var target = source.path("target");
        String reference = target.path("tags").size() > 0 ? text(target.path("tags").get(0)) : text(target.path("userInput"));
        if (reference == null || ImageReference.parse(reference) == null) {
            throw new ManifestException("the Grype report does not name the image it scanned (source.target.userInput or tags)");
        }
        var digest = text(target.path("manifestDigest"));
        if (digest == null && target.path("repoDigests").size() > 0) {
            var repoDigest = ImageReference.parse(text(target.path("repoDigests").get(0)));
            digest = repoDigest == null ? null : repoDigest.digest();
        }
        var distro = root.path("distro");
        var image = new ScannedImage(reference, digest, join(text(distro.path("name")), text(distro.path("version"))),
                null, null, null, labels(target.path("labels")));
        return new ScanReport("grype", text(root.path("descriptor").path("version")), image, grypeVulnerabilities(root, skipped));
    }

    private static List<Vulnerability> grypeVulnerabilities(JsonNode root, List<String> skipped) {
        var vulnerabilities = new ArrayList<Vulnerability>();
        for (var match : root.path("matches")) {
            var vulnerability = match.path("vulnerability");
            var id = text(vulnerability.path("id"));
            var packageName = text(match.path("artifact").path("name"));
            if (id == null || packageName == null) {
                skipped.add("a match without " + (id == null ? "vulnerability.id" : "artifact.name"));
                continue;
            }
            Double cvss = null;
            for (var score : vulnerability.path("cvss")) {
                cvss = max(cvss, number(score.path("metrics").path("baseScore")));
            }
            var fixVersions = new ArrayList<String>();
            vulnerability.path("fix").path("versions").forEach(version -> {
                if (text(version) != null) {
                    fixVersions.add(text(version));
                }
            });
            var url = text(vulnerability.path("dataSource"));
            if (url == null && vulnerability.path("urls").size() > 0) {
                url = text(vulnerability.path("urls").get(0));
            }
            vulnerabilities.add(new Vulnerability(id, packageName, text(match.path("artifact").path("version")),
                    fixVersions.isEmpty() ? null : clip(String.join(", ", fixVersions), 512),
                    severity(text(vulnerability.path("severity"))), cvss,
                    grypeFixState(text(vulnerability.path("fix").path("state")), !fixVersions.isEmpty()),
                    clip(text(vulnerability.path("description")), 1000), clip(url, 1000)));
        }
        return vulnerabilities;
    }

    private static boolean isPath(String name) {
        return name != null && (name.equals(".") || name.startsWith("/") || name.startsWith("./") || name.startsWith("../")
                || name.endsWith("/"));
    }

    private static boolean isArchivePath(String name) {
        return name.startsWith("/") || name.startsWith(".") || name.matches(".*\\.(tar|tar\\.gz|tgz)$");
    }

    /** "nginx:1.25 (debian 12.1)" names the image nginx:1.25; a file path target names none. */
    private static String targetImage(String target) {
        if (target == null) {
            return null;
        }
        int paren = target.indexOf(" (");
        var image = (paren > 0 ? target.substring(0, paren) : target).trim();
        return image.isEmpty() || image.contains(" ") || image.startsWith("/") ? null : image;
    }

    static String severity(String text) {
        if (text == null) {
            return "UNKNOWN";
        }
        var upper = text.trim().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "CRITICAL", "HIGH", "MEDIUM", "LOW" -> upper;
            case "NEGLIGIBLE" -> "LOW";
            default -> "UNKNOWN";
        };
    }

    private static FixState trivyFixState(String status, String fixedVersion) {
        if (status == null) {
            return fixedVersion != null ? FixState.FIXED : FixState.UNKNOWN;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "fixed" -> FixState.FIXED;
            case "will_not_fix", "fix_deferred", "end_of_life" -> FixState.WONT_FIX;
            case "affected", "under_investigation" -> FixState.NOT_FIXED;
            default -> fixedVersion != null ? FixState.FIXED : FixState.UNKNOWN;
        };
    }

    private static FixState grypeFixState(String state, boolean hasVersions) {
        if (state == null) {
            return hasVersions ? FixState.FIXED : FixState.UNKNOWN;
        }
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "fixed" -> FixState.FIXED;
            case "not-fixed" -> FixState.NOT_FIXED;
            case "wont-fix" -> FixState.WONT_FIX;
            default -> FixState.UNKNOWN;
        };
    }

    private static Map<String, String> labels(JsonNode labels) {
        var result = new TreeMap<String, String>();
        if (labels.isObject()) {
            labels.properties().forEach(entry -> {
                if (entry.getValue().isValueNode()) {
                    result.put(entry.getKey(), clip(entry.getValue().asString(), 1000));
                }
            });
        }
        return result;
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() || node.asString().isBlank() ? null : node.asString().trim();
    }

    private static String text(JsonNode node, String fallback) {
        var value = text(node);
        return value == null ? fallback : value;
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static Double max(Double current, Double candidate) {
        if (candidate == null || candidate < 0 || candidate > 10) {
            return current;
        }
        return current == null || candidate > current ? candidate : current;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + " " + second;
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
