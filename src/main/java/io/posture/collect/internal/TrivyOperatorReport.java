package io.posture.collect.internal;

import io.posture.collect.ManifestException;
import io.posture.collect.internal.JsonShape.Check;
import io.posture.inventory.ImageViews.FixState;
import io.posture.inventory.ImageViews.ScanReport;
import io.posture.inventory.ImageViews.ScannedImage;
import io.posture.inventory.ImageViews.Vulnerability;
import io.posture.shared.ImageReference;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.posture.collect.internal.JsonShape.NUMBER;
import static io.posture.collect.internal.JsonShape.STRING;
import static io.posture.collect.internal.JsonShape.list;
import static io.posture.collect.internal.JsonShape.object;

/**
 * Trivy Operator's {@code VulnerabilityReport} (aquasecurity.github.io/v1alpha1): one container image of a workload,
 * scanned in the cluster. Its image is {@code report.registry.server} / {@code report.artifact.repository} with the
 * artifact's tag or digest. Read from files (kubectl get vulnerabilityreports -o yaml|json) and uploads alike.
 */
public final class TrivyOperatorReport {

    static final String API_GROUP = "aquasecurity.github.io/";
    /** Docker Hub's other names; image references elsewhere in Posture say docker.io. */
    private static final Set<String> DOCKER_HUB_ALIASES = Set.of("index.docker.io", "registry-1.docker.io", "docker.io");

    private static final Check SHAPE = object(Map.of("report", object(Map.of(
            "artifact", object(Map.of("repository", JsonShape.text(512), "tag", JsonShape.text(128), "digest", JsonShape.text(128))),
            "registry", object(Map.of("server", JsonShape.text(253))),
            "os", object(Map.of("family", STRING, "name", STRING)),
            "scanner", object(Map.of("name", STRING, "version", STRING)),
            "updateTimestamp", STRING,
            "vulnerabilities", list(object(Map.of("vulnerabilityID", JsonShape.text(128), "resource", JsonShape.text(512),
                    "installedVersion", JsonShape.text(253), "fixedVersion", JsonShape.text(512), "severity", STRING, "score", NUMBER,
                    "title", STRING, "primaryLink", STRING)))))));

    private TrivyOperatorReport() {
    }

    /** Whether an object of a manifest or upload is a Trivy Operator vulnerability report. */
    public static boolean isVulnerabilityReport(String kind, String apiVersion) {
        return "VulnerabilityReport".equals(kind) && apiVersion != null && apiVersion.startsWith(API_GROUP);
    }

    /** The scan the report describes; a report of the wrong shape or without an image is refused whole. */
    public static ScanReport read(JsonNode object) {
        var problems = SHAPE.problems(object);
        if (!problems.isEmpty()) {
            throw new ManifestException("not a well-formed Trivy Operator VulnerabilityReport, nothing stored: "
                    + String.join("; ", problems));
        }
        var report = object.path("report");
        if (!report.isObject()) {
            throw new ManifestException("the VulnerabilityReport has no report: the operator has not scanned it yet");
        }
        var reference = reference(report);
        var vulnerabilities = new ArrayList<Vulnerability>();
        for (var entry : report.path("vulnerabilities")) {
            var id = text(entry.path("vulnerabilityID"));
            var packageName = text(entry.path("resource"));
            if (id == null || packageName == null) {
                continue;
            }
            var fixed = text(entry.path("fixedVersion"));
            var score = entry.path("score").isNumber() ? entry.path("score").asDouble() : null;
            vulnerabilities.add(new Vulnerability(id, packageName, text(entry.path("installedVersion")), fixed,
                    ScanReportReader.severity(text(entry.path("severity"))), score == null || score < 0 || score > 10 ? null : score,
                    fixed == null ? FixState.UNKNOWN : FixState.FIXED, clip(text(entry.path("title"))), clip(text(entry.path("primaryLink")))));
        }
        var os = report.path("os");
        var osName = text(os.path("family")) == null ? null
                : text(os.path("family")) + (text(os.path("name")) == null ? "" : " " + text(os.path("name")));
        var image = new ScannedImage(reference, text(report.path("artifact").path("digest")), osName, null,
                null, null, Map.of());
        return new ScanReport("trivy-operator", text(report.path("scanner").path("version")), image, List.copyOf(vulnerabilities));
    }

    private static String reference(JsonNode report) {
        var artifact = report.path("artifact");
        var repository = text(artifact.path("repository"));
        if (repository == null) {
            throw new ManifestException("the VulnerabilityReport does not name its image (report.artifact.repository)");
        }
        var server = text(report.path("registry").path("server"));
        var registry = server == null || DOCKER_HUB_ALIASES.contains(server) ? ImageReference.DOCKER_HUB : server;
        var tag = text(artifact.path("tag"));
        var digest = text(artifact.path("digest"));
        var reference = registry + "/" + repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
        if (!ImageReference.isWellFormed(reference)) {
            throw new ManifestException("the VulnerabilityReport's image '" + JsonShape.abbreviate(reference)
                    + "' is not an image reference, nothing stored");
        }
        return reference;
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() || node.asString().isBlank() ? null : node.asString().trim();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
