package io.posture.scoring;

import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.BenchmarkDefinitionException;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.CustomBenchmarks;
import io.posture.collect.HostReportViews.Tool;
import io.posture.collect.HostReports;
import io.posture.collect.ManifestImporter;
import io.posture.findings.FindingService;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.inventory.InventoryQueries;
import io.posture.scoring.ScoreViews.ScoreScope;
import io.posture.security.Roles;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.namespace;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CIS Kubernetes section 5 on collected objects, node results from kube-bench, a custom benchmark
 * uploaded and scored, and a snapshot per evaluation, through the running application.
 */
@SpringBootTest
class BenchmarkCatalogueEndToEndTest {

    private static final String CUSTOM = """
            id: acme-baseline
            title: ACME platform rules
            description: What every ACME workload must meet.
            sections:
              - id: supply-chain
                title: Supply chain
                controls:
                  - id: ACME-1
                    title: Images come from the ACME registry
                    severity: high
                    rule: image.allowedRegistries
                    parameters:
                      registries: [registry.acme.example]
                    rationale: Only images built and scanned by our pipeline may run.
                    remediation: Push the image to registry.acme.example through the pipeline.
                  - id: ACME-2
                    use: pss-baseline/privileged
                    severity: critical
              - id: ownership
                title: Ownership
                controls:
                  - id: ACME-3
                    title: Workloads name their team
                    severity: low
                    rule: metadata.requiredLabels
                    parameters: {labels: [team]}
                    rationale: Findings need an owner.
                    remediation: Add a team label to the workload.
            """;

    @Autowired
    ManifestImporter importer;
    @Autowired
    HostReports hostReports;
    @Autowired
    CustomBenchmarks customBenchmarks;
    @Autowired
    BenchmarkCatalog catalog;
    @Autowired
    ScoreQueries scores;
    @Autowired
    InventoryQueries inventory;
    @Autowired
    FindingService findings;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void cisSectionFiveNodeReportsAndCustomBenchmark(@TempDir Path folder) throws Exception {
        write(folder, "ns.yaml", namespace("shop", "checkout"));
        write(folder, "api.yaml", deployment("shop", "api", "nginx:1.27", "{privileged: true}"));
        write(folder, "rbac.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: alice-admin}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: User, name: alice}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: reader, namespace: shop}
                rules: [{apiGroups: [""], resources: [secrets], verbs: [get, list]}]
                """);
        importer.importPath("e2e", "prod", folder);
        var cluster = inventory.cluster("e2e").orElseThrow();
        var scope = ScoreScope.cluster(cluster.id());

        var adminBindings = scores.controlResults("cis-kubernetes", "5.1.1", scope, PageRequest.of(0, 10)).getContent();
        assertThat(adminBindings).singleElement().satisfies(result -> {
            assertThat(result.kind()).isEqualTo("ClusterRoleBinding");
            assertThat(result.name()).isEqualTo("alice-admin");
            assertThat(result.status()).isEqualTo(ControlStatus.FAIL);
            assertThat(result.evidence()).extracting(e -> e.observed()).contains("User alice");
        });
        assertThat(scores.controlResults("cis-kubernetes", "5.1.2", scope, PageRequest.of(0, 10)).getContent())
                .filteredOn(result -> result.status() == ControlStatus.FAIL).extracting(result -> result.name()).containsExactly("reader");
        assertThat(scores.controlResults("cis-kubernetes", "5.3.2", scope, PageRequest.of(0, 10)).getContent())
                .singleElement().satisfies(result -> assertThat(result.status()).isEqualTo(ControlStatus.FAIL));
        assertThat(scores.controlResults("cis-kubernetes", "5.4.2", scope, PageRequest.of(0, 10)).getContent())
                .singleElement().satisfies(result -> assertThat(result.status()).isEqualTo(ControlStatus.MANUAL));
        // the privileged container fails PSS, CIS Kubernetes 5.2.2 and CIS Docker 5.5: one finding, not three
        var privileged = findings.search(new FindingFilter("e2e", null, null, null, null, null, null, "privileged"), PageRequest.of(0, 10));
        assertThat(privileged.getContent()).extracting(finding -> finding.controlId()).containsExactly("privileged");
        assertThat(findings.search(new FindingFilter("e2e", null, null, null, "5.1.1", null, null, null), PageRequest.of(0, 10))
                .getContent()).extracting(finding -> finding.workloadKind() + " " + finding.workloadName())
                .containsExactly("ClusterRoleBinding alice-admin");
        var trendBefore = scores.trend("cis-kubernetes", scope, null, 7).points().size();

        // a node report: sections 1-4, on the node; a new report for the node replaces its results
        var report = new String(getClass().getResourceAsStream("/reports/kube-bench-array.json").readAllBytes(), StandardCharsets.UTF_8);
        SignedIn.as("admin", Roles.ADMIN, () -> hostReports.upload(Tool.KUBE_BENCH, "e2e", null, "e2e-worker-1.json",
                report.getBytes(StandardCharsets.UTF_8)));
        var host = inventory.hostsOf(cluster.id()).getFirst();
        assertThat(host.name()).isEqualTo("e2e-worker-1");
        var nodeResults = scores.hostResults(host.clusterId(), host.id(), "cis-kubernetes");
        assertThat(nodeResults).hasSize(23);
        assertThat(nodeResults.getFirst().status()).isEqualTo(ControlStatus.FAIL);
        var fixed = report.replace("\"FAIL\"", "\"PASS\"");
        SignedIn.as("admin", Roles.ADMIN, () -> hostReports.upload(Tool.KUBE_BENCH, "e2e", "e2e-worker-1", "report.json",
                fixed.getBytes(StandardCharsets.UTF_8)));
        assertThat(scores.hostResults(host.clusterId(), host.id(), "cis-kubernetes")).hasSize(23)
                .allSatisfy(result -> assertThat(result.status()).isEqualTo(ControlStatus.PASS));
        assertThat(hostReports.reportsOf(host.id())).hasSize(2);
        assertThat(scores.trend("cis-kubernetes", scope, null, 7).points()).hasSize(trendBefore + 2);
        assertThat(scores.sections("cis-kubernetes", scope)).filteredOn(section -> section.sectionId().equals("4.1"))
                .singleElement().satisfies(section -> assertThat(section.figure().passed()).isPositive());

        // a custom benchmark: uploaded, evaluated on every cluster, scored and explained
        var defined = SignedIn.as("officer", Roles.COMPLIANCE_OFFICER,
                () -> customBenchmarks.upload(CUSTOM.getBytes(StandardCharsets.UTF_8)));
        assertThat(defined.controls()).hasSize(3);
        var custom = scores.figure("acme-baseline", scope, null);
        assertThat(custom.failed()).isEqualTo(3);
        assertThat(custom.score()).isZero();
        assertThat(scores.explain("acme-baseline", scope, null, 5)).extracting(ranking -> ranking.controlId())
                .containsExactly("ACME-2", "ACME-1", "ACME-3");
        assertThat(scores.clusterScores("acme-baseline")).filteredOn(score -> score.clusterName().equals("e2e")).singleElement()
                .satisfies(score -> assertThat(score.coverage()).isEqualTo(100.0));

        // a bad file: every problem with its line, and nothing changes
        var bad = CUSTOM.replace("id: acme-baseline", "id: acme-two").replace("rule: metadata.requiredLabels", "rule: metadata.requiredLabelz")
                .replace("severity: high", "severity: severe");
        assertThatThrownBy(() -> SignedIn.as("officer", Roles.COMPLIANCE_OFFICER,
                () -> customBenchmarks.upload(bad.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(BenchmarkDefinitionException.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.line() + ": " + problem.message().split(";")[0])
                        .containsExactly("10: severity 'severe' is not one of low, medium, high, critical",
                                "25: unknown rule 'metadata.requiredLabelz'"));
        assertThat(catalog.find("acme-two")).isEmpty();
        assertThatThrownBy(() -> SignedIn.as("engineer", Roles.ENGINEER,
                () -> customBenchmarks.upload(CUSTOM.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
