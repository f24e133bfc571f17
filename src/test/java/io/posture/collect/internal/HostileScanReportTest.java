package io.posture.collect.internal;

import io.posture.collect.ManifestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scan report of the wrong shape is refused whole: read as "no vulnerabilities", it would clear an image's record. */
class HostileScanReportTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            {"SchemaVersion": 2, "ArtifactName": "alpine:3.19", "Results": "not-a-list"}                              | Results is a string ('not-a-list'), expected a list
            {"SchemaVersion": 2, "ArtifactName": "alpine:3.19", "Results": [{"Target": "x", "Vulnerabilities": {}}]}  | Results[0].Vulnerabilities is an object, expected a list
            {"SchemaVersion": 2, "ArtifactName": 5, "Results": []}                                                    | ArtifactName is a number (5), expected a string
            {"SchemaVersion": 2, "ArtifactName": "UPPER CASE::@@", "Results": []}                                     | 'UPPER CASE::@@' is not an image reference
            [0, 0, 0]                                                                                                 | not a Trivy or Grype report
            [{"Target": 0}]                                                                                           | [0].Target is a number (0), expected a string
            {"Resources": [{"Results": 7}]}                                                                           | Resources[0].Results is a number (7), expected a list
            {"matches": "none", "source": {"type": "image", "target": {"userInput": "alpine:3.19"}}}                  | matches is a string ('none'), expected a list
            {"matches": [{"vulnerability": {"id": ["CVE-1"]}, "artifact": {"name": "x"}}], "source": {"type": "image", "target": {"userInput": "alpine:3.19"}}} | matches[0].vulnerability.id is a list, expected a string
            """)
    void aWrongShapeIsRefusedWithThePath(String report, String reason) {
        assertThatThrownBy(() -> ScanReportReader.read(report.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ManifestException.class).hasMessageContaining(reason);
    }

    @Test
    void aVulnerabilityIdLongerThanAnyRealOneIsRefusedNotStoredHalf() {
        var report = "{\"SchemaVersion\": 2, \"ArtifactName\": \"alpine:3.19\", \"Results\": [{\"Target\": \"alpine:3.19 (alpine 3.19)\", "
                + "\"Vulnerabilities\": [{\"VulnerabilityID\": \"" + "C".repeat(100_000) + "\", \"PkgName\": \"musl\"}]}]}";

        assertThatThrownBy(() -> ScanReportReader.read(report.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("Results[0].Vulnerabilities[0].VulnerabilityID has 100000 characters, more than the 128 allowed");
    }

    @Test
    void theToolsOwnSamplesStillRead() throws IOException {
        for (var sample : new String[]{"trivy-alpine-310.json", "trivy-k8s.json", "trivy-legacy-array.json", "trivy-schema2-many.json",
                "grype-fix-available.json", "grype-presenter.json"}) {
            try (var in = getClass().getResourceAsStream("/scans/" + sample)) {
                assertThat(ScanReportReader.read(in.readAllBytes()).reports()).as(sample).isNotEmpty();
            }
        }
    }
}
