package io.posture.findings;

import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.ControlKey;
import io.posture.benchmark.Severity;
import io.posture.collect.ManifestImporter;
import io.posture.collect.RunStatus;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.findings.FindingViews.FindingSummary;
import io.posture.scoring.FailuresRecorded;
import io.posture.scoring.ScoreViews;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.file.Path;
import java.util.List;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class FindingLifecycleTest {

    @Autowired
    ManifestImporter importer;
    @Autowired
    FindingService findings;
    @Autowired
    AuditLog audit;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    BenchmarkCatalog catalog;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void failPassFailOpensResolvesAndReopensKeepingTheHistory(@TempDir Path folder) {
        var file = write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}"));
        importer.importPath("lc-1", "prod", file);
        var finding = privilegedFinding("lc-1");
        assertThat(finding.status()).isEqualTo(FindingStatus.OPEN);

        write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: false}"));
        importer.importPath("lc-1", "prod", file);
        assertThat(privilegedFinding("lc-1").status()).isEqualTo(FindingStatus.RESOLVED);

        write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}"));
        importer.importPath("lc-1", "prod", file);
        var reopened = privilegedFinding("lc-1");
        assertThat(reopened.id()).isEqualTo(finding.id());
        assertThat(reopened.status()).isEqualTo(FindingStatus.OPEN);
        assertThat(reopened.firstSeen()).isEqualTo(finding.firstSeen());
        assertThat(findings.detail(reopened.id()).orElseThrow().history())
                .extracting(entry -> entry.from() + "→" + entry.to() + ":" + entry.note())
                .containsExactly("null→OPEN:failing", "OPEN→RESOLVED:no longer failing after a complete run",
                        "RESOLVED→OPEN:failing again");
    }

    @Test
    void activeFindingsPerSeverityAreTheOpenAndInProgressOnesOfEachSeverity(@TempDir Path folder) {
        importer.importPath("lc-count", "prod", write(folder, "api.yaml",
                deployment("shop", "api", "a:1", "{privileged: true, capabilities: {add: [SYS_ADMIN]}}")));

        var active = findings.activeBySeverity();

        assertThat(active).as("some findings of this import are active").isNotEmpty();
        for (var severity : Severity.values()) {
            long expected = 0;
            for (var status : List.of(FindingStatus.OPEN, FindingStatus.IN_PROGRESS)) {
                expected += findings.search(new FindingFilter(null, null, null, null, null, severity, status, null),
                        PageRequest.of(0, 1)).getTotalElements();
            }
            assertThat(active.getOrDefault(severity, 0L)).as(severity.name()).isEqualTo(expected);
        }
    }

    @Test
    void aPartialRunNeverResolvesEvenWhenTheFailureIsGone(@TempDir Path folder) {
        write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}"));
        importer.importPath("lc-2", "prod", folder);

        write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: false}"));
        write(folder, "broken.yaml", "kind: [");
        var partial = importer.importPath("lc-2", "prod", folder);

        assertThat(partial.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(privilegedFinding("lc-2").status()).isEqualTo(FindingStatus.OPEN);
    }

    @Test
    void theSameProblemSeenByBaselineAndRestrictedIsOneFinding(@TempDir Path folder) {
        importer.importPath("lc-3", "prod", write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}")));

        var page = findings.search(new FindingFilter("lc-3", null, null, null, "privileged", null, null, null), PageRequest.of(0, 10));

        assertThat(page.getTotalElements()).isEqualTo(1);
        var detail = findings.detail(page.getContent().getFirst().id()).orElseThrow();
        assertThat(Fingerprint.of("lc-3", "Deployment", "shop", "api", new ControlKey("pss-baseline", "privileged")))
                .isEqualTo(detail.fingerprint())
                .isNotEqualTo(Fingerprint.of("lc-3", "Deployment", "shop", "api", new ControlKey("pss-restricted", "privileged")))
                .isNotEqualTo(Fingerprint.of("lc-3", "Deployment", "shop", "api", new ControlKey("pss-baseline", "hostNamespaces")));
        assertThat(detail.summary().benchmarkId()).isEqualTo("pss-baseline");
        assertThat(detail.alsoDetectedBy()).as("the other benchmarks' controls that decide the same rule")
                .anySatisfy(same -> assertThat(same).startsWith("CIS Kubernetes"))
                .noneSatisfy(same -> assertThat(same).startsWith("Pod Security Standards — Baseline"));
        assertThat(findings.search(new FindingFilter("lc-3", null, null, "cis-kubernetes", "5.2.2", null, null, null),
                PageRequest.of(0, 10)).getContent()).as("CIS 5.2.2 names the same problem: its filter finds the finding")
                .extracting(FindingSummary::id).containsExactly(page.getContent().getFirst().id());
        assertThat(findings.search(new FindingFilter("lc-3", null, null, "cis-kubernetes", null, null, null, null),
                PageRequest.of(0, 10)).getContent()).extracting(FindingSummary::id).contains(page.getContent().getFirst().id());
        assertThat(findings.search(new FindingFilter("lc-3", null, null, "no-such-benchmark", null, null, null, null),
                PageRequest.of(0, 10)).getContent()).isEmpty();
    }

    @Test
    void aFindingShowsTheTextsOfItsOwnBenchmarkWhereControlIdsRepeat() {
        // Image trust 3.1 (fixable vulnerabilities) and CIS Docker 3.1 (docker.service ownership) share an id
        var imageTrust = new ControlKey("image-trust", "3.1");
        var dockerFile = new ControlKey("cis-docker", "3.1");
        events.publishEvent(new FailuresRecorded(60, "lc-6", 1, List.of(
                new ScoreViews.Failure("Deployment", "shop", "api", "shop", imageTrust, "No fixable critical vulnerability",
                        Severity.HIGH, "[]"),
                new ScoreViews.Failure("DockerHost", "", "build-1", null, dockerFile, "docker.service ownership",
                        Severity.MEDIUM, "[]"))));

        var found = findings.search(new FindingFilter("lc-6", null, null, null, "3.1", null, null, null), PageRequest.of(0, 10)).getContent();
        assertThat(found).extracting(FindingSummary::benchmarkId).containsExactlyInAnyOrder("image-trust", "cis-docker");
        for (var summary : found) {
            var key = new ControlKey(summary.benchmarkId(), summary.controlId());
            var detail = findings.detail(summary.id()).orElseThrow();
            assertThat(detail.rationale()).isEqualTo(catalog.control(key).orElseThrow().rationale());
            assertThat(detail.remediation()).isEqualTo(catalog.control(key).orElseThrow().remediation());
            assertThat(detail.benchmarkTitle()).isEqualTo(catalog.get(summary.benchmarkId()).title());
        }
        assertThat(catalog.control(imageTrust).orElseThrow().remediation())
                .isNotEqualTo(catalog.control(dockerFile).orElseThrow().remediation());
        var imageTrustOnly = findings.search(new FindingFilter("lc-6", null, null, "image-trust", "3.1", null, null, null),
                PageRequest.of(0, 10)).getContent();
        assertThat(imageTrustOnly).extracting(FindingSummary::benchmarkId).containsExactly("image-trust");
    }

    @Test
    void anEngineerStartsWorkAndTheChangeIsAudited(@TempDir Path folder) {
        importer.importPath("lc-4", "prod", write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}")));
        var finding = privilegedFinding("lc-4");

        SignedIn.as("erin", Roles.ENGINEER, () -> findings.startWork(finding.id(), "patching the chart"));

        assertThat(privilegedFinding("lc-4").status()).isEqualTo(FindingStatus.IN_PROGRESS);
        assertThat(findings.detail(finding.id()).orElseThrow().history().getLast())
                .satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo("erin");
                    assertThat(entry.note()).isEqualTo("patching the chart");
                });
        assertThat(SignedIn.as("erin", Roles.ENGINEER, () -> audit.search(null, PageRequest.of(0, 200,
                org.springframework.data.domain.Sort.by("id").descending())).getContent())).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("FINDING_STATUS");
            assertThat(event.actor()).isEqualTo("erin");
            assertThat(event.from() + "→" + event.to()).isEqualTo("OPEN→IN_PROGRESS");
        });
        assertThatThrownBy(() -> SignedIn.as("erin", Roles.ENGINEER, () -> findings.startWork(finding.id(), "again")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void viewersMayNotChangeFindings(@TempDir Path folder) {
        importer.importPath("lc-5", "prod", write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}")));
        var finding = privilegedFinding("lc-5");

        assertThatThrownBy(() -> SignedIn.as("val", Roles.VIEWER, () -> findings.startWork(finding.id(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(privilegedFinding("lc-5").status()).isEqualTo(FindingStatus.OPEN);
    }

    private FindingSummary privilegedFinding(String cluster) {
        return findings.search(new FindingFilter(cluster, "shop", null, null, "privileged", null, null, null), PageRequest.of(0, 10))
                .getContent().getFirst();
    }
}
