package io.posture.collect;

import io.posture.inventory.ImageCatalog;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryViews;
import io.posture.inventory.WorkloadKind;
import io.posture.scoring.ScoreQueries;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.namespace;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest
class ManifestImporterTest {

    @Autowired
    ManifestImporter importer;
    @Autowired
    InventoryQueries inventory;
    @Autowired
    ScoreQueries scores;
    @Autowired
    CollectionRuns runs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    ImageCatalog images;

    @Test
    void importsAFolderAndScoresIt(@TempDir Path folder) {
        write(folder, "namespaces.yaml", namespace("shop", "checkout"));
        write(folder, "shop/api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));

        var run = importer.importPath("c-folder", "prod", folder);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.objectsStored()).isEqualTo(2);
        var workload = inventory.workload("c-folder", "shop", WorkloadKind.Deployment, "api").orElseThrow();
        assertThat(workload.team()).isEqualTo("checkout");
        assertThat(workload.containers()).singleElement().satisfies(c -> assertThat(c.image()).isEqualTo("shop/api:1"));
        assertThat(scores.workloadResults(workload.clusterId(), workload.id(), "pss-baseline"))
                .filteredOn(result -> result.controlId().equals("privileged")).singleElement()
                .satisfies(result -> assertThat(result.evidence().getFirst().path())
                        .isEqualTo("spec.template.spec.containers[name=api].securityContext.privileged"));
    }

    @Test
    void aBadDocumentOrFileIsReportedWhileEverythingGoodLands(@TempDir Path folder) {
        write(folder, "a-good.yaml", deployment("shop", "good", "shop/good:1", "{}"));
        // the first document is fine, the second is broken: only the second is refused
        write(folder, "b-bad.yaml", deployment("shop", "half", "shop/half:1", "{}") + "---\nkind: Pod\nmetadata: {name: [oops\n");
        write(folder, "c-bomb.yaml", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n");

        var run = importer.importPath("c-partial", "dev", folder);

        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.filesRead()).isEqualTo(2);
        assertThat(run.filesFailed()).isEqualTo(1);
        assertThat(runs.problems(run.id())).extracting(RunViews.RunProblem::location)
                .containsExactly("b-bad.yaml, document 2 (line 13)", "c-bomb.yaml, the file");
        assertThat(runs.problems(run.id()).getFirst().message()).startsWith("malformed YAML");
        assertThat(runs.problems(run.id()).getLast().message()).contains("YAML bomb");
        assertThat(inventory.workload("c-partial", "shop", WorkloadKind.Deployment, "good")).isPresent();
        assertThat(inventory.workload("c-partial", "shop", WorkloadKind.Deployment, "half")).isPresent();
    }

    @Test
    void aFailedImportKeepsTheEarlierStateAndScores(@TempDir Path folder) throws Exception {
        var file = write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));
        importer.importPath("c-keep", "prod", folder);
        var cluster = inventory.cluster("c-keep").orElseThrow();
        var scoreBefore = scores.clusterScores("pss-baseline").stream().filter(s -> s.clusterId() == cluster.id()).findFirst().orElseThrow();

        Files.writeString(file, "{\"kind\": \"Deployment\", broken");
        var failed = importer.importPath("c-keep", "prod", file);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.message()).contains("could not be read");
        assertThat(inventory.workload("c-keep", "shop", WorkloadKind.Deployment, "api").orElseThrow().containers())
                .extracting(c -> c.image()).containsExactly("shop/api:1");
        var scoreAfter = scores.clusterScores("pss-baseline").stream().filter(s -> s.clusterId() == cluster.id()).findFirst().orElseThrow();
        assertThat(scoreAfter.score()).isEqualTo(scoreBefore.score());
        assertThat(scoreAfter.evaluatedAt()).isEqualTo(scoreBefore.evaluatedAt());
    }

    @Test
    void aReimportUpdatesByStableIdentityAndKeepsFirstSeen(@TempDir Path folder) {
        var file = write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{}"));
        importer.importPath("c-update", "prod", folder);
        var first = inventory.workload("c-update", "shop", WorkloadKind.Deployment, "api").orElseThrow();

        write(folder, "api.yaml", deployment("shop", "api", "shop/api:2", "{}"));
        importer.importPath("c-update", "prod", file);
        var second = inventory.workload("c-update", "shop", WorkloadKind.Deployment, "api").orElseThrow();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.firstSeen()).isEqualTo(first.firstSeen());
        assertThat(second.lastSeen()).isAfterOrEqualTo(first.lastSeen());
        assertThat(second.containers()).extracting(c -> c.image()).containsExactly("shop/api:2");
        assertThat(inventory.counts().workloads()).isGreaterThanOrEqualTo(1);
        assertThat(runs.page(PageRequest.of(0, 50)).getContent()).filteredOn(r -> r.clusterName().equals("c-update")).hasSize(2);
    }

    @Test
    void secretValuesAndLiteralEnvironmentValuesAreNeverStored(@TempDir Path folder) {
        write(folder, "app.yaml", deployment("shop", "api", "shop/api:1", "{}") + """
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                  namespace: shop
                  labels: {app: shop}
                  annotations:
                    kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"token":"super-secret-value"}}'
                data: {password: c3VwZXItc2VjcmV0LXZhbHVl}
                stringData: {token: super-secret-value}
                """);

        var run = importer.importPath("c-secret", "prod", folder);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.message()).as("the Secret is kept, as metadata").startsWith("2 objects");
        assertThat(jdbc.queryForObject("select body from cluster_object where kind = 'Secret'", String.class))
                .contains("\"name\":\"db\"", "\"app\":\"shop\"").doesNotContain("\"data\"", "stringData", "last-applied");
        var stored = String.join("\n", jdbc.queryForList("select pod_spec from workload", String.class))
                + jdbc.queryForList("select body from cluster_object", String.class)
                + jdbc.queryForList("select coalesce(security_context, '') from workload_container", String.class);
        assertThat(stored).contains("DB_PASSWORD")
                .doesNotContain("hunter2-literal")
                .doesNotContain("super-secret-value")
                .doesNotContain("c3VwZXItc2VjcmV0LXZhbHVl");
    }

    @Test
    void aMissingPathFailsTheRunWithAClearMessage(@TempDir Path folder) {
        var run = importer.importPath("c-missing", "dev", folder.resolve("nope"));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(runs.problems(run.id())).singleElement().satisfies(p -> assertThat(p.message()).contains("no such file"));
    }

    @Test
    @WithMockUser(username = "viewer", roles = Roles.VIEWER)
    void viewersMayNotImport(@TempDir Path browserTemp) {
        var file = write(browserTemp, "u1", deployment("shop", "api", "shop/api:1", "{}"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importUploaded("c-denied", "dev", java.util.Map.of("a.yaml", file)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(inventory.cluster("c-denied")).isEmpty();
    }

    @Test
    @WithMockUser(username = "admin", roles = Roles.ADMIN)
    void uploadsAreImportedUnderTheirBaseNameOnly(@TempDir Path browserTemp) throws Exception {
        var evil = write(browserTemp, "u1", deployment("shop", "api", "shop/api:1", "{}"));
        var pods = write(browserTemp, "u2", "[{\"metadata\": {\"name\": \"debug\", \"namespace\": \"shop\"}, "
                + "\"spec\": {\"containers\": [{\"name\": \"sh\", \"image\": \"busybox\"}]}}]");

        var run = importer.importUploaded("c-upload", "dev", java.util.Map.of("../../etc/evil.yaml", evil, "C:\\dump\\Pods.json", pods));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.source()).isEqualTo("upload: ../../etc/evil.yaml, C:\\dump\\Pods.json");
        assertThat(inventory.workload("c-upload", "shop", WorkloadKind.Deployment, "api")).isPresent();
        assertThat(inventory.workload("c-upload", "shop", WorkloadKind.Pod, "debug")).isPresent();
        assertThat(Path.of("/etc/evil.yaml")).doesNotExist();
        assertThat(audit.search(null, org.springframework.data.domain.PageRequest.of(0, 100, org.springframework.data.domain.Sort.by("id").descending())).getContent())
                .anySatisfy(event -> {
                    assertThat(event.actor()).isEqualTo("admin");
                    assertThat(event.action()).isEqualTo("MANIFESTS_IMPORTED");
                    assertThat(event.subject()).isEqualTo("cluster c-upload");
                });
    }

    @Test
    void clusterNamesMustBeDnsLabels() {
        for (var bad : new String[]{"", "Prod", "prod cluster", "../x", "-prod", "a".repeat(64)}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManifestImporter.requireValidClusterName(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case letters");
        }
        ManifestImporter.requireValidClusterName("prod-eu1");
    }

    @Test
    void objectsOfKindsNoControlLooksAtAreKeptAsNotEvaluatedByTheirIdentityOnly(@TempDir Path folder) {
        write(folder, "app.yaml", deployment("shop", "api", "shop/api:1", "{}") + """
                ---
                apiVersion: v1
                kind: Endpoints
                metadata: {name: api, namespace: shop}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: cluster-wide-widget}
                spec: {password: "not kept"}
                """);

        var run = importer.importPath("c-unevaluated", "dev", folder);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.message()).contains("not evaluated: 1 Endpoints, 1 Widget");
        long clusterId = inventory.cluster("c-unevaluated").orElseThrow().id();
        assertThat(inventory.unevaluatedKinds(clusterId)).extracting(InventoryViews.KindCount::kind, InventoryViews.KindCount::count)
                .containsExactly(tuple("Endpoints", 1L), tuple("Widget", 1L));
        assertThat(inventory.unevaluatedObjects(clusterId, PageRequest.of(0, 10, Sort.by("kind"))).getContent())
                .extracting(InventoryViews.UnevaluatedObject::apiVersion, InventoryViews.UnevaluatedObject::namespace,
                        InventoryViews.UnevaluatedObject::name)
                .containsExactly(tuple("v1", "shop", "api"), tuple("example.com/v1", "", "cluster-wide-widget"));
        assertThat(jdbc.queryForObject("select count(*) from unevaluated_object where cluster_id = ?", Long.class, clusterId))
                .isEqualTo(2);

        // files are a partial view of a cluster: a second import adds, it neither duplicates nor removes
        assertThat(importer.importPath("c-unevaluated", "dev", folder).status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(jdbc.queryForObject("select count(*) from unevaluated_object where cluster_id = ?", Long.class, clusterId))
                .isEqualTo(2);
    }

    @Test
    void trivyOperatorVulnerabilityReportsAmongTheManifestsBecomeTheScansOfTheirImages(@TempDir Path folder) {
        write(folder, "workloads.yaml", deployment("shop", "web", "nginx:1.16", "{}"));
        write(folder, "vulnerabilityreports.yaml", """
                apiVersion: aquasecurity.github.io/v1alpha1
                kind: VulnerabilityReport
                metadata: {name: replicaset-web-6d4cf56db6-web, namespace: shop}
                report:
                  artifact: {repository: library/nginx, tag: '1.16'}
                  registry: {server: index.docker.io}
                  scanner: {name: Trivy, vendor: Aqua Security, version: 0.16.0}
                  vulnerabilities:
                    - {vulnerabilityID: CVE-2019-20367, resource: libbsd0, installedVersion: 0.9.1-2, fixedVersion: 0.9.1-2+deb10u1, severity: CRITICAL, score: 9.1}
                ---
                apiVersion: aquasecurity.github.io/v1alpha1
                kind: VulnerabilityReport
                metadata: {name: broken, namespace: shop}
                report: {artifact: {repository: library/redis}, vulnerabilities: 3}
                """);

        var run = importer.importPath("c-operator", "prod", folder);

        assertThat(run.status()).as("the broken report is refused, the rest lands").isEqualTo(RunStatus.PARTIAL);
        assertThat(run.message()).contains("1 Trivy Operator vulnerability report stored as image scans")
                .doesNotContain("VulnerabilityReport").as("not listed as not evaluated");
        assertThat(runs.problems(run.id())).singleElement().satisfies(problem -> {
            assertThat(problem.location()).startsWith("vulnerabilityreports.yaml, line").endsWith("VulnerabilityReport broken");
            assertThat(problem.message()).contains("report.vulnerabilities is a number");
        });
        var occurrences = images.whereIs("CVE-2019-20367", PageRequest.of(0, 10)).getContent();
        assertThat(occurrences).singleElement().satisfies(found -> {
            assertThat(found.repository()).isEqualTo("library/nginx");
            assertThat(found.workloads()).as("the image the Deployment runs").isEqualTo(1);
        });
    }
}
