package io.posture.evidence;

import io.posture.collect.ManifestImporter;
import io.posture.security.Roles;
import io.posture.support.SignedIn;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.namespace;
import static io.posture.support.Manifests.write;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

/** The PDF report, rendered page by page to images (kept in target/screenshots to look at) and read back as text. */
@SpringBootTest
class PdfReportTest {

    @Autowired
    EvidenceExports exports;
    @Autowired
    ManifestImporter importer;
    @Autowired
    Clock clock;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void theReportShowsScopeScoreSectionsTrendFailedControlsAndManualControls(@TempDir Path folder) throws IOException {
        write(folder, "ns.yaml", namespace("shop", "checkout"));
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));
        write(folder, "web.yaml", deployment("shop", "web", "shop/web:1", "{allowPrivilegeEscalation: false}"));
        importer.importPath("pdf-cluster", "prod", folder);
        var scope = new ExportScope("cis-kubernetes", "pdf-cluster", null, null, clock.instant(), null);

        var pdf = as("auditor", Roles.COMPLIANCE_OFFICER, () -> exports.pdf(scope)).content();

        assertThat(as("auditor", Roles.COMPLIANCE_OFFICER, () -> exports.pdf(scope)).content()).as("reproducible").isEqualTo(pdf);
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            var renderer = new PDFRenderer(document);
            var shots = Files.createDirectories(Path.of("target", "screenshots"));
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                var image = renderer.renderImageWithDPI(page, 72);
                assertThat(image.getWidth()).isEqualTo(595);
                long inked = 0;
                for (int x = 0; x < image.getWidth(); x += 3) {
                    for (int y = 0; y < image.getHeight(); y += 3) {
                        inked += (image.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
                    }
                }
                assertThat(inked).as("page %d has something on it", page + 1).isPositive();
                if (page < 3) {
                    ImageIO.write(image, "png", shots.resolve("report-page-" + (page + 1) + ".png").toFile());
                }
            }
            var text = new PDFTextStripper().getText(document).replaceAll(" +", " ");
            assertThat(text).contains("Evidence report", "CIS Kubernetes Benchmark", "Scope: pdf-cluster", "As of " + scope.asOf(),
                    "Score per section", "Trend: the 90 days up to the moment", "Failed controls",
                    "5.2.2 Minimize the admission of privileged containers (critical): 1 resource",
                    "Why it matters:", "How to fix:", "pdf-cluster/shop/Deployment/api", "securityContext.privileged = true",
                    "Exceptions", "Manual controls", "not attested");
        }
    }
}
