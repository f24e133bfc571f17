package io.posture.collect.internal;

import io.posture.collect.ManifestException;
import io.posture.inventory.ImageViews.FixState;
import io.posture.inventory.ImageViews.ScanReport;
import io.posture.inventory.ImageViews.Vulnerability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Every report shape Posture reads, real samples from the tools' repositories and hand-written ones, and bad files. */
class ScanReportReaderTest {

    @ParameterizedTest(name = "{0}: {1} from {2}")
    @CsvSource({
            // file,                  scanner, image reference,                                   vulnerabilities, digest
            "trivy-alpine-310.json,   trivy,   ghcr.io/aquasecurity/trivy-test-images:alpine-310, 4, ",
            "trivy-schema2-many.json, trivy,   teamdojo:latest,                                    5, ",
            "trivy-legacy-array.json, trivy,   nginx:1.25.3,                                       2, ",
            "grype-fix-available.json, grype,  REDACTED,                                           1, sha256:4e1c538085614cbc0c9affbb206abbec3220118425409662e46b3d4bb71d1b6d",
            "grype-presenter.json,    grype,   user-input,                                         2, sha256:ca738abb87a8d58f112d3400ebb079b61ceae7dc290beb34bda735be4b1941d5"})
    void readsEveryImageReportShape(String file, String scanner, String reference, int vulnerabilities, String digest) throws IOException {
        var parsed = ScanReportReader.read(sample(file));

        assertThat(parsed.reports()).singleElement().satisfies(report -> {
            assertThat(report.scanner()).isEqualTo(scanner);
            assertThat(report.image().reference()).isEqualTo(reference);
            assertThat(report.image().digest()).isEqualTo(digest);
            assertThat(report.vulnerabilities()).hasSize(vulnerabilities).allSatisfy(vulnerability -> {
                assertThat(vulnerability.id()).isNotBlank();
                assertThat(vulnerability.packageName()).isNotBlank();
                assertThat(vulnerability.severity()).isIn("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN");
            });
        });
    }

    @Test
    void trivyKeepsSeverityCvssFixStateAndTheImageConfig() throws IOException {
        var report = ScanReportReader.read(sample("trivy-alpine-310.json")).reports().getFirst();

        assertThat(report.image().os()).isEqualTo("alpine 3.10.2");
        assertThat(report.image().created()).isEqualTo(Instant.parse("2019-08-20T20:19:55.211423266Z"));
        assertThat(report.image().configUser()).as("no User in the config: root").isEmpty();
        assertThat(report.vulnerabilities()).filteredOn(v -> v.id().equals("CVE-2019-1549") && v.packageName().equals("libcrypto1.1")).singleElement().satisfies(v -> {
            assertThat(v.fixedVersion()).isEqualTo("1.1.1d-r0");
            assertThat(v.fixState()).isEqualTo(FixState.FIXED);
            assertThat(v.cvss()).isNotNull().isBetween(0.0, 10.0);
            assertThat(v.url()).startsWith("https://");
        });
    }

    @Test
    void grypeMapsNegligibleToLowAndItsFixStates() throws IOException {
        var report = ScanReportReader.read(sample("grype-presenter.json")).reports().getFirst();

        assertThat(report.image().os()).isEqualTo("centos 8.0");
        assertThat(report.vulnerabilities()).extracting(Vulnerability::fixState).contains(FixState.FIXED);
        var fixAvailable = ScanReportReader.read(sample("grype-fix-available.json")).reports().getFirst();
        assertThat(fixAvailable.vulnerabilities()).extracting(Vulnerability::id, Vulnerability::severity, Vulnerability::fixedVersion, Vulnerability::cvss)
                .containsExactly(tuple("CVE-2009-3882", "HIGH", "1.2.3", 7.5));
    }

    @Test
    void trivyKubernetesReportsOneScanPerImageWithLanguagePackagesInTheirImage() throws IOException {
        var reports = ScanReportReader.read(sample("trivy-k8s.json")).reports();

        assertThat(reports).extracting(report -> report.image().reference())
                .containsExactly("registry.example.com/shop/api:1.4.2", "docker.io/library/redis:7.2");
        ScanReport api = reports.getFirst();
        assertThat(api.image().digest()).isEqualTo("sha256:" + "1".repeat(64));
        assertThat(api.image().configUser()).isEqualTo("10001");
        assertThat(api.image().labels()).containsEntry("team", "shop");
        assertThat(api.vulnerabilities()).extracting(Vulnerability::id, Vulnerability::fixState)
                .containsExactly(tuple("CVE-2024-45490", FixState.FIXED), tuple("CVE-2023-50387", FixState.WONT_FIX),
                        tuple("GHSA-952p-6rrq-rcjv", FixState.FIXED));
        assertThat(reports.get(1).vulnerabilities().getFirst().cvss()).as("the highest of the sources").isEqualTo(8.8);
        assertThat(reports.get(1).image().configUser()).as("no metadata: unknown, not root").isNull();
    }

    @Test
    void trivyKubernetesBeforeVersion040SplitsVulnerabilitiesAndMisconfigurations() throws IOException {
        var parsed = ScanReportReader.read(sample("trivy-k8s-legacy.json"));
        var reports = parsed.reports();
        assertThat(parsed.skipped()).as("the misconfigurations are said to be left out, not silently dropped")
                .singleElement().asString().startsWith("2 failed misconfiguration checks, not imported yet");

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.image().reference()).isEqualTo("ubuntu:latest");
            assertThat(report.vulnerabilities()).extracting(Vulnerability::id, Vulnerability::severity, Vulnerability::cvss)
                    .containsExactly(tuple("CVE-2016-2781", "LOW", 8.6));
        });
    }

    @Test
    void trivyKubernetesSummaryReportsOneMetadataObjectPerResourceAndImagesRepeatAcrossResources() throws IOException {
        var reports = ScanReportReader.read(sample("trivy-k8s-summary.json")).reports();

        assertThat(reports).extracting(report -> report.image().reference())
                .as("an image with a package result and none found is scanned; one with only a configuration result is not")
                .containsExactly("ghcr.io/example/web:2.0", "ghcr.io/example/clean:1.0");
        var web = reports.getFirst();
        assertThat(web.vulnerabilities()).as("web and web-canary run the same image: its vulnerabilities once")
                .extracting(Vulnerability::id).containsExactly("CVE-2024-6119");
        assertThat(web.image().digest()).isEqualTo("sha256:" + "2".repeat(64));
        assertThat(web.image().architecture()).isEqualTo("arm64");
        assertThat(reports.get(1).vulnerabilities()).isEmpty();
    }

    @Test
    void trivyOperatorVulnerabilityReportsListedByKubectlAreOneScanEachOtherReportsSkipped() throws IOException {
        var parsed = ScanReportReader.read(sample("trivy-operator-reports.json"));

        assertThat(parsed.reports()).extracting(report -> report.image().reference(), report -> report.vulnerabilities().size())
                .containsExactly(tuple("docker.io/library/nginx:1.16", 2), tuple("ghcr.io/fluxcd/source-controller:v0.16.1", 0));
        var nginx = parsed.reports().getFirst();
        assertThat(nginx.scanner()).isEqualTo("trivy-operator");
        assertThat(nginx.scannerVersion()).isEqualTo("0.16.0");
        assertThat(nginx.vulnerabilities()).extracting(Vulnerability::id, Vulnerability::severity, Vulnerability::cvss,
                        Vulnerability::fixedVersion, Vulnerability::fixState)
                .containsExactly(tuple("CVE-2019-20367", "CRITICAL", 9.1, "0.9.1-2+deb10u1", FixState.FIXED),
                        tuple("CVE-2018-25009", "CRITICAL", 9.1, null, FixState.UNKNOWN));
        assertThat(parsed.skipped()).singleElement().asString().contains("item 3, ConfigAuditReport");
    }

    @Test
    void aMalformedOperatorReportIsRefusedWithItsPath() {
        var wrong = bytes("""
                {"apiVersion": "aquasecurity.github.io/v1alpha1", "kind": "VulnerabilityReport", "metadata": {"name": "x"},
                 "report": {"artifact": {"repository": "library/nginx"}, "vulnerabilities": {"CVE-1": "HIGH"}}}""");
        assertThatThrownBy(() -> ScanReportReader.read(wrong)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("report.vulnerabilities is an object, expected a list");
        var imageless = bytes("""
                {"apiVersion": "aquasecurity.github.io/v1alpha1", "kind": "VulnerabilityReport", "report": {"vulnerabilities": []}}""");
        assertThatThrownBy(() -> ScanReportReader.read(imageless)).hasMessageContaining("does not name its image");
        var noReports = bytes("""
                {"apiVersion": "v1", "kind": "List", "items": [{"kind": "Pod", "apiVersion": "v1"}]}""");
        assertThatThrownBy(() -> ScanReportReader.read(noReports)).hasMessageContaining("without a readable Trivy Operator VulnerabilityReport");
    }

    @Test
    void scansOfRepositoriesDirectoriesAndEmptyReportsAreKeptApartFromImages() throws IOException {
        var repository = ScanReportReader.read(sample("trivy-repo-pip.json"));
        assertThat(repository.reports()).isEmpty();
        assertThat(repository.artifacts()).singleElement().satisfies(artifact -> {
            assertThat(artifact.kind()).isEqualTo("repository");
            assertThat(artifact.name()).isEqualTo("testdata/fixtures/repo/pip");
            assertThat(artifact.vulnerabilities()).extracting(Vulnerability::id, Vulnerability::severity)
                    .containsExactly(tuple("CVE-2019-14806", "HIGH"), tuple("CVE-2020-28724", "MEDIUM"));
        });
        var directory = ScanReportReader.read(sample("grype-directory.json")).artifacts();
        assertThat(directory).singleElement().satisfies(artifact -> {
            assertThat(artifact.kind()).isEqualTo("directory");
            assertThat(artifact.name()).isEqualTo("/some/path");
            assertThat(artifact.vulnerabilities()).extracting(Vulnerability::severity).containsExactly("LOW", "CRITICAL");
        });
        var empty = ScanReportReader.read(sample("grype-empty.json"));
        assertThat(empty.reports()).isEmpty();
        assertThat(empty.artifacts()).isEmpty();
        assertThat(empty.skipped()).singleElement().asString().contains("nothing found");
        var filesystem = ScanReportReader.read(bytes("""
                {"SchemaVersion": 2, "ArtifactName": ".", "ArtifactType": "filesystem", "Results": []}"""));
        assertThat(filesystem.artifacts()).extracting(artifact -> artifact.kind() + " " + artifact.name()).containsExactly("filesystem .");
    }

    @Test
    void entriesWithoutIdOrPackageAreSkippedAndCounted() throws IOException {
        var parsed = ScanReportReader.read(sample("trivy-legacy-array.json"));

        assertThat(parsed.reports().getFirst().vulnerabilities()).extracting(Vulnerability::id)
                .containsExactly("CVE-2023-44487", "CVE-2023-4911");
        assertThat(parsed.skipped()).singleElement().asString().contains("VulnerabilityID");
    }

    @Test
    void nullsAndOddValuesInFieldsDoNotBreakTheImportWrongTypesRefuseIt() {
        var parsed = ScanReportReader.read(bytes("""
                {"SchemaVersion": 2, "ArtifactName": "shop/api:2", "ArtifactType": "container_image",
                 "Metadata": {"RepoDigests": null, "OS": null, "ImageConfig": {"created": "yesterday", "config": {"User": null}}},
                 "Results": [{"Target": "shop/api:2 (alpine 3.20)", "Vulnerabilities": [
                   {"VulnerabilityID": "CVE-2024-1", "PkgName": "musl", "Severity": "SEVERE", "CVSS": {"nvd": {"V3Score": null}},
                    "FixedVersion": "", "Status": null},
                   {"VulnerabilityID": "CVE-2024-2", "PkgName": "busybox", "Severity": null, "CVSS": {"nvd": {"V3Score": 42}}}
                 ]}, {"Target": "x", "Vulnerabilities": null}, null]}"""));

        var report = parsed.reports().getFirst();
        assertThat(report.image().created()).isNull();
        assertThat(report.image().configUser()).isEmpty();
        assertThat(report.vulnerabilities()).extracting(Vulnerability::severity, Vulnerability::cvss, Vulnerability::fixState)
                .containsExactly(tuple("UNKNOWN", null, FixState.UNKNOWN), tuple("UNKNOWN", null, FixState.UNKNOWN));
        assertThatThrownBy(() -> ScanReportReader.read(bytes("""
                {"SchemaVersion": 2, "ArtifactName": "shop/api:2", "Results": [{"Target": "x", "Vulnerabilities": [
                   {"VulnerabilityID": "CVE-2024-1", "PkgName": "musl", "CVSS": {"nvd": {"V3Score": "high"}}}]},
                 {"Target": "x", "Vulnerabilities": "none"}]}""")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("Results[0].Vulnerabilities[0].CVSS['nvd'].V3Score is a string ('high'), expected a number")
                .hasMessageContaining("Results[1].Vulnerabilities is a string ('none'), expected a list");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty file | '' | empty",
            "JSON null | null | empty",
            "not JSON | {\"SchemaVersion\": 2, broken | not valid JSON",
            "YAML | 'kind: Deployment' | not valid JSON",
            "another JSON | {\"kind\": \"Deployment\"} | not a Trivy or Grype report",
            "array of numbers | [1, 2] | not a Trivy or Grype report",
            "no image named | {\"SchemaVersion\": 2, \"Results\": []} | does not say which image",
            "a Trivy cloud scan | {\"SchemaVersion\": 2, \"ArtifactName\": \"123456789012\", \"ArtifactType\": \"aws_account\", \"Results\": []} | scanned a aws_account, which Posture does not keep",
            "Grype on a directory, no name | {\"matches\": [], \"source\": {\"type\": \"directory\"}} | does not name the directory",
            "Grype, unknown source with matches | {\"matches\": [{\"vulnerability\": {\"id\": \"CVE-1\"}, \"artifact\": {\"name\": \"p\"}}], \"source\": {\"type\": \"unknown\", \"target\": \"unknown\"}} | neither an image nor a directory",
            "Trivy k8s without images | {\"ClusterName\": \"c\", \"Resources\": []} | names no image",
            "Trivy k8s, Metadata a number | {\"ClusterName\": \"c\", \"Findings\": [{\"Kind\": \"Pod\", \"Metadata\": 7}]} | Findings[0].Metadata is a number",
            "old Trivy k8s, results a map | {\"ClusterName\": \"c\", \"Vulnerabilities\": [{\"Results\": {}}]} | Vulnerabilities[0].Results is an object"})
    void refusesWhatIsNotAnImageReportWithWhatWasExpected(String name, String content, String message) {
        assertThatThrownBy(() -> ScanReportReader.read(bytes(content)))
                .isInstanceOf(ManifestException.class).hasMessageContaining(message);
    }

    /** Other tools' files, by the marker fields of their formats (Polaris: FairwindsOps/polaris docs/usage; the rest: the formats' specs). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Polaris audit       | {"PolarisOutputVersion": "1.0", "AuditTime": "2020-07-15T15:20:38Z", "SourceType": "Cluster", "Results": [{"Kind": "Deployment", "Name": "coredns"}]} | a Polaris audit report
            Kubescape           | {"summaryDetails": {"score": 71.2}, "resources": [], "results": []}                                      | a Kubescape report
            kube-bench JSON     | {"Controls": [{"id": "1", "tests": []}], "Totals": {}}                                                  | upload it on the Hosts page as kube-bench
            docker-bench JSON   | {"dockerbenchsecurity": "1.6.0", "tests": []}                                                           | as docker-bench for a Docker host
            CycloneDX SBOM      | {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": []}                                      | a CycloneDX SBOM
            CycloneDX VEX       | {"bomFormat": "CycloneDX", "specVersion": "1.5", "vulnerabilities": []}                                 | a CycloneDX VEX document
            SPDX SBOM           | {"spdxVersion": "SPDX-2.3", "packages": []}                                                              | an SPDX SBOM
            OpenVEX             | {"@context": "https://openvex.dev/ns/v0.2.0", "statements": []}                                          | an OpenVEX document
            SARIF               | {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": []}             | a SARIF log
            ConfigAuditReport   | {"apiVersion": "aquasecurity.github.io/v1alpha1", "kind": "ConfigAuditReport", "report": {}}             | only VulnerabilityReports are imported
            kube-bench text     | '[INFO] 1 Control Plane Security Configuration\\n[PASS] 1.1.1 Ensure that the API server pod'           | kube-bench text output: run kube-bench with --json
            """)
    void namesTheToolThatWroteAFileItDoesNotReadAndStoresNothing(String name, String content, String message) {
        assertThatThrownBy(() -> ScanReportReader.read(bytes(content.replace("\\n", "\n"))))
                .isInstanceOf(ManifestException.class).hasMessageContaining(message);
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = ScanReportReaderTest.class.getResourceAsStream("/scans/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
