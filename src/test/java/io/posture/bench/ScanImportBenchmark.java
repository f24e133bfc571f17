package io.posture.bench;

import io.posture.collect.ImageScans;
import io.posture.inventory.ImageCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a unit test: run with {@code mvn -Pbenchmark verify -Dtest=ScanImportBenchmark}. Imports a
 * generated {@code trivy k8s} report of {@code posture.bench.images} images (default 200) with
 * {@code posture.bench.vulnerabilities} vulnerabilities each (default 250), then times the pages'
 * queries: the images list, one image's vulnerabilities, and where a CVE runs.
 */
@SpringBootTest(properties = "posture.import.max-file-size=256MB")
class ScanImportBenchmark {

    private static final int IMAGES = Integer.getInteger("posture.bench.images", 200);
    private static final int VULNERABILITIES = Integer.getInteger("posture.bench.vulnerabilities", 250);
    private static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW"};

    @Autowired
    ImageScans scans;
    @Autowired
    ImageCatalog catalog;

    @Test
    void importsALargeKubernetesReportAndQueriesItsVulnerabilities(@TempDir Path folder) throws IOException {
        var json = JsonMapper.builder().build();
        var report = json.createObjectNode().put("ClusterName", "bench");
        var resources = report.putArray("Resources");
        for (int i = 0; i < IMAGES; i++) {
            var image = "registry.example.com/team-" + (i % 20) + "/app-" + i + ":1." + i;
            var resource = resources.addObject().put("Namespace", "ns-" + (i % 20)).put("Kind", "Deployment").put("Name", "app-" + i);
            resource.putArray("Metadata").addObject().putArray("RepoDigests")
                    .add(image.substring(0, image.lastIndexOf(':')) + "@sha256:" + String.format("%064x", i));
            var vulnerabilities = resource.putArray("Results").addObject().put("Target", image + " (debian 12.6)").put("Class", "os-pkgs")
                    .putArray("Vulnerabilities");
            for (int v = 0; v < VULNERABILITIES; v++) {
                vulnerabilities.addObject().put("VulnerabilityID", "CVE-2024-" + (10_000 + (v * 7 + i) % 3_000)).put("PkgName", "pkg-" + v)
                        .put("InstalledVersion", "1.0").put("FixedVersion", v % 3 == 0 ? null : "1.1").put("Status", v % 3 == 0 ? "affected" : "fixed")
                        .put("Severity", SEVERITIES[v % 4]).put("Title", "A generated vulnerability of pkg-" + v);
            }
        }
        var content = json.writeValueAsBytes(report);
        var file = Files.write(folder.resolve("trivy-k8s.json"), content);

        long started = System.nanoTime();
        var result = scans.importFile(file);
        double importSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(result.images()).hasSize(IMAGES);

        started = System.nanoTime();
        var page = catalog.images("", null, false, PageRequest.of(0, 50));
        double listMillis = (System.nanoTime() - started) / 1e6;
        started = System.nanoTime();
        var vulnerabilities = catalog.vulnerabilities(page.getContent().getFirst().id(), PageRequest.of(0, 50));
        double detailMillis = (System.nanoTime() - started) / 1e6;
        started = System.nanoTime();
        var occurrences = catalog.whereIs("CVE-2024-10000", PageRequest.of(0, 50));
        double cveMillis = (System.nanoTime() - started) / 1e6;

        assertThat(vulnerabilities.getTotalElements()).isEqualTo(VULNERABILITIES);
        System.out.printf(Locale.ROOT, "%nBENCHMARK scan import: %d images x %d vulnerabilities (%.1f MB of JSON) in %.1f s; "
                        + "images page %.0f ms (%d images), image vulnerabilities page %.0f ms, where a CVE runs %.0f ms (%d images)%n%n",
                IMAGES, VULNERABILITIES, content.length / 1e6, importSeconds, listMillis, page.getTotalElements(), detailMillis, cveMillis,
                occurrences.getTotalElements());
    }
}
