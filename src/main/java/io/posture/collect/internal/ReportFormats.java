package io.posture.collect.internal;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Names the tool that wrote a file an upload path does not read, and where it belongs, so a refusal
 * says "a Polaris audit report: ..." instead of "the Trivy report does not say which image it
 * scanned". Recognition is by each format's own marker fields, never by the file name.
 */
public final class ReportFormats {

    private static final int TEXT_PREFIX = 4096;

    private ReportFormats() {
    }

    /** What a JSON document is, when it is a known format: the tool and where Posture reads it (or that it does not yet). */
    public static Optional<String> recognise(JsonNode root) {
        if (root == null || !root.isObject() && !root.isArray()) {
            return Optional.empty();
        }
        if (root.has("PolarisOutputVersion") || root.has("AuditTime") && root.has("ClusterInfo")) {
            return Optional.of("a Polaris audit report: Posture evaluates the same workload settings itself from the "
                    + "cluster's manifests; Polaris results are not imported yet");
        }
        if (root.has("summaryDetails") || root.has("frameworks") && root.has("resources")) {
            return Optional.of("a Kubescape report: Posture evaluates the same controls itself from the cluster's "
                    + "manifests; Kubescape results are not imported yet");
        }
        if (root.isObject() && root.path("Controls").isArray() || root.isArray() && !root.isEmpty()
                && root.get(0).has("tests") && root.get(0).has("node_type")) {
            return Optional.of("a kube-bench report: upload it on the Hosts page as kube-bench for a cluster node");
        }
        if (root.has("dockerbenchsecurity")) {
            return Optional.of("a docker-bench-security report: upload it on the Hosts page as docker-bench for a Docker host");
        }
        if ("CycloneDX".equals(root.path("bomFormat").asString(""))) {
            return Optional.of("a CycloneDX " + (root.has("vulnerabilities") && !root.has("components") ? "VEX document" : "SBOM")
                    + ": Posture does not import SBOMs or VEX yet; upload a vulnerability scan of the image instead");
        }
        if (root.has("spdxVersion")) {
            return Optional.of("an SPDX SBOM: Posture does not import SBOMs yet; upload a vulnerability scan of the image instead");
        }
        if (root.path("@context").asString("").contains("openvex")) {
            return Optional.of("an OpenVEX document: Posture does not import VEX statements yet");
        }
        if (root.path("document").has("csaf_version")) {
            return Optional.of("a CSAF document: Posture does not import CSAF VEX yet");
        }
        if (root.has("catalogVersion") && root.has("vulnerabilities")) {
            return Optional.of("CISA's Known Exploited Vulnerabilities catalogue: import it under Import exploit intelligence on the Images page");
        }
        if (root.has("runs") && (root.has("$schema") && root.path("$schema").asString("").contains("sarif")
                || "2.1.0".equals(root.path("version").asString("")))) {
            return Optional.of("a SARIF log: upload the scanner's own JSON output (trivy --format json, grype -o json) instead");
        }
        if ("ConfigAuditReport".equals(root.path("kind").asString("")) || "ExposedSecretReport".equals(root.path("kind").asString(""))
                || "RbacAssessmentReport".equals(root.path("kind").asString(""))) {
            return Optional.of("a Trivy Operator " + root.path("kind").asString() + ": only VulnerabilityReports are imported yet");
        }
        return Optional.empty();
    }

    /** Whether a document is a vulnerability scan of images (Trivy, Grype, Trivy Operator), which the Images page reads. */
    public static Optional<String> recogniseScan(JsonNode root) {
        if (root != null && root.isObject() && (root.has("matches") || root.has("SchemaVersion") || root.has("ClusterName")
                || "VulnerabilityReport".equals(root.path("kind").asString("")))) {
            return Optional.of("a vulnerability scan report: upload it on the Images page");
        }
        return Optional.empty();
    }

    /** What a file that is not JSON is, when its text gives it away. */
    public static Optional<String> recogniseText(byte[] content) {
        var start = new String(content, 0, Math.min(content.length, TEXT_PREFIX), StandardCharsets.UTF_8);
        if (start.contains("[INFO] 1 ") && (start.contains("Control Plane") || start.contains("Worker Node"))
                || start.contains("== Summary master ==") || start.contains("== Summary node ==")) {
            return Optional.of("kube-bench text output: run kube-bench with --json and upload that on the Hosts page");
        }
        if (start.startsWith("#model_version") || start.startsWith("cve,epss")) {
            return Optional.of("a FIRST EPSS file: import it under Import exploit intelligence on the Images page");
        }
        if (start.contains("Docker Bench for Security")) {
            return Optional.of("docker-bench-security text output: run it with -l FILE and upload FILE.json on the Hosts page");
        }
        if (start.startsWith("<?xml") && start.contains("<testsuites")) {
            return Optional.of("a JUnit XML report: upload the scanner's own JSON output instead");
        }
        return Optional.empty();
    }
}
