package io.posture.api;

import io.posture.benchmark.ControlStatus;
import io.posture.cli.Cli;
import io.posture.collect.ManifestImporter;
import io.posture.inventory.ImageCatalog;
import io.posture.inventory.ImageViews.ImageSummary;
import io.posture.inventory.ArtifactCatalog;
import io.posture.inventory.ImageViews.FoundSecret;
import io.posture.inventory.InventoryQueries;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ResourceResult;
import io.posture.scoring.ScoreViews.ScoreScope;
import io.posture.security.ApiTokens;
import io.posture.security.Role;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A pipeline uploads scan reports over HTTP with an API token; the same permission checks as the pages apply. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "posture.import.max-file-size=64KB")
@ExtendWith(OutputCaptureExtension.class)
class ScanUploadApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ImageCatalog images;
    @Autowired
    ManifestImporter importer;
    @Autowired
    InventoryQueries inventory;
    @Autowired
    ScoreQueries scores;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ArtifactCatalog artifacts;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void aPipelineTokenUploadsReportsThatReplaceTheImagesEarlierScanAndDriveTheImageControls() throws Exception {
        var folder = Files.createTempDirectory("api-workloads");
        write(folder, "api.yaml", deployment("shop", "api", "registry.example.com/shop/api:1.4.2", "{}"));
        importer.importPath("api-cluster", "prod", folder);
        var token = as("manager", Role.SECURITY_MANAGER.name(), () -> tokens.create("ci pipeline", Role.SECURITY_MANAGER, Duration.ofDays(30))).secret();
        int importsBefore = jdbc.queryForObject("select count(*) from audit_event where action = 'scan.imported'", Integer.class);

        var first = post(token, sample("trivy-k8s.json"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"scanner\":\"trivy\"").contains("registry.example.com/shop/api:1.4.2").contains("docker.io/library/redis:7.2");

        var api = image("registry.example.com", "shop/api");
        assertThat(api.digest()).isEqualTo("sha256:" + "1".repeat(64));
        assertThat(api.workloads()).isEqualTo(1);
        assertThat(api.critical()).isEqualTo(1);
        assertThat(image("docker.io", "library/redis").workloads()).as("never seen running: kept, not running").isZero();
        var cluster = inventory.cluster("api-cluster").orElseThrow().id();
        assertThat(fixableControl(cluster)).isEqualTo(ControlStatus.FAIL);

        var rescan = """
                {"SchemaVersion": 2, "ArtifactName": "registry.example.com/shop/api:1.4.2", "ArtifactType": "container_image",
                 "Metadata": {"RepoDigests": ["registry.example.com/shop/api@sha256:%s"]},
                 "Results": [{"Target": "registry.example.com/shop/api:1.4.2 (debian 12.8)", "Class": "os-pkgs",
                   "Vulnerabilities": [{"VulnerabilityID": "CVE-2023-50387", "PkgName": "libsystemd0", "Severity": "HIGH", "Status": "will_not_fix"}]}]}
                """.formatted("1".repeat(64));
        assertThat(post(token, rescan.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from vulnerability where image_id = ?", Integer.class, api.id())).isEqualTo(1);
        assertThat(image("registry.example.com", "shop/api").critical()).isZero();
        assertThat(fixableControl(cluster)).isEqualTo(ControlStatus.PASS);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'scan.imported'", Integer.class)).isEqualTo(importsBefore + 2);
    }

    @Test
    void aRepositoryScanIsKeptAsAnArtifactAndAnotherToolsReportIsNamedAndStoresNothing() throws Exception {
        var token = as("manager", Role.SECURITY_MANAGER.name(), () -> tokens.create("ci repo", Role.SECURITY_MANAGER, Duration.ofDays(1))).secret();
        int imagesBefore = jdbc.queryForObject("select count(*) from image", Integer.class);

        var repository = post(token, sample("trivy-repo-pip.json"));
        assertThat(repository.statusCode()).as(repository.body()).isEqualTo(201);
        assertThat(repository.body()).contains("\"kind\":\"repository\"").contains("testdata/fixtures/repo/pip");
        assertThat(jdbc.queryForObject("select count(*) from image", Integer.class)).as("not an image").isEqualTo(imagesBefore);
        assertThat(artifacts.artifacts(PageRequest.of(0, 50)).getContent())
                .filteredOn(artifact -> artifact.name().equals("testdata/fixtures/repo/pip")).singleElement()
                .satisfies(artifact -> {
                    assertThat(artifact.high()).isEqualTo(1);
                    assertThat(artifact.vulnerabilities()).isEqualTo(2);
                });
        assertThat(post(token, sample("trivy-repo-pip.json")).statusCode()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from artifact_vulnerability v join scanned_artifact a on a.id = v.artifact_id"
                + " where a.name = 'testdata/fixtures/repo/pip'", Integer.class)).as("a new scan replaces the last").isEqualTo(2);

        int scansBefore = jdbc.queryForObject("select count(*) from image_scan", Integer.class);
        var polaris = post(token, """
                {"PolarisOutputVersion": "1.0", "AuditTime": "2020-07-15T15:20:38Z", "SourceType": "Cluster",
                 "ClusterInfo": {"Nodes": 1}, "Results": [{"Kind": "Deployment", "Name": "coredns", "Namespace": "kube-system"}]}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(polaris.statusCode()).isEqualTo(400);
        assertThat(polaris.body()).contains("a Polaris audit report").doesNotContain("does not say which image");
        assertThat(jdbc.queryForObject("select count(*) from image_scan", Integer.class)).isEqualTo(scansBefore);
    }

    /** Trivy's own secrets golden: its context lines hold a GitHub token in the clear beside the masked match. */
    @Test
    void aSecretTrivyFoundIsKeptAsWhereNeverWhatNotInTheDatabaseALogLineOrTheAnswer(CapturedOutput output) throws Exception {
        var token = as("manager", Role.SECURITY_MANAGER.name(), () -> tokens.create("ci secrets", Role.SECURITY_MANAGER, Duration.ofDays(1))).secret();
        var repository = sample("trivy-repo-secrets.json");
        var image = new String(repository, StandardCharsets.UTF_8)
                .replace("\"ArtifactName\": \"testdata/fixtures/repo/secrets\"", "\"ArtifactName\": \"registry.example.com/shop/leaky:1.0\"")
                .replace("\"ArtifactType\": \"repository\"", "\"ArtifactType\": \"container_image\"").getBytes(StandardCharsets.UTF_8);

        var fromRepository = post(token, repository);
        var fromImage = post(token, image);

        assertThat(fromRepository.statusCode()).as(fromRepository.body()).isEqualTo(201);
        assertThat(fromImage.statusCode()).as(fromImage.body()).isEqualTo(201);
        var leaky = image("registry.example.com", "shop/leaky");
        assertThat(images.secrets(leaky.id())).extracting(FoundSecret::ruleId, FoundSecret::target, FoundSecret::startLine)
                .containsExactly(tuple("aws-access-key-id", "deploy.sh", 3), tuple("mysecret", "deploy.sh", 7));
        assertThat(artifacts.artifacts(PageRequest.of(0, 50)).getContent())
                .filteredOn(artifact -> artifact.name().equals("testdata/fixtures/repo/secrets")).singleElement()
                .satisfies(artifact -> assertThat(artifact.secrets()).isEqualTo(2));
        var database = String.join("\n", jdbc.queryForList("script", String.class));
        assertThat(database).as("the dump holds what was kept").contains("'aws-access-key-id'").contains("'deploy.sh'");
        for (var leaked : java.util.List.of("ghp_0123456789", "GITHUB_PAT", "AWS_ACCESS_KEY_ID=", "echo ********")) {
            assertThat(database).as("the database holds no " + leaked).doesNotContain(leaked);
            assertThat(output.getAll()).as("no log line holds " + leaked).doesNotContain(leaked);
            assertThat(fromRepository.body() + fromImage.body()).as("the answer holds no " + leaked).doesNotContain(leaked);
        }
    }

    @Test
    void noTokenABadTokenOrARoleWithoutImportRightsIsRefused() throws Exception {
        var report = sample("trivy-legacy-array.json");
        int scansBefore = jdbc.queryForObject("select count(*) from image_scan", Integer.class);
        var none = http.send(HttpRequest.newBuilder(uri()).POST(HttpRequest.BodyPublishers.ofByteArray(report)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(post("pst_not-a-real-token", report).statusCode()).isEqualTo(401);

        var viewer = as("viewer", Role.VIEWER.name(), () -> tokens.create("read only", Role.VIEWER, Duration.ofDays(1)));
        assertThat(post(viewer.secret(), report).statusCode()).isEqualTo(403);

        var revoked = as("manager", Role.SECURITY_MANAGER.name(), () -> tokens.create("to revoke", Role.SECURITY_MANAGER, Duration.ofDays(1)));
        as("manager", Role.SECURITY_MANAGER.name(), () -> tokens.revoke(revoked.info().id()));
        assertThat(post(revoked.secret(), report).statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from image_scan", Integer.class)).isEqualTo(scansBefore);
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Integer.class, viewer.secret())).as("only a hash is kept").isZero();
    }

    @Test
    void aHugeOrMalformedUploadGetsAClear4xxAndStoresNothing() throws Exception {
        var token = as("manager", Role.SECURITY_MANAGER.name(), () -> tokens.create("ci", Role.SECURITY_MANAGER, Duration.ofDays(1))).secret();
        int scansBefore = jdbc.queryForObject("select count(*) from image_scan", Integer.class);

        var malformed = post(token, "{\"SchemaVersion\": 2, \"Results\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON");

        var wrongKind = post(token, "kind: Deployment\nmetadata: {name: x}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongKind.statusCode()).isEqualTo(400);

        var huge = post(token, ("[" + "{\"Target\": \"x:1\"},".repeat(10_000) + "{}]").getBytes(StandardCharsets.UTF_8));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("larger than");

        assertThat(jdbc.queryForObject("select count(*) from image_scan", Integer.class)).isEqualTo(scansBefore);
    }

    @Test
    void theCliUploadsReportsWithTheTokenFromTheEnvironmentOrItsOption() throws Exception {
        var token = as("manager", Role.SECURITY_MANAGER.name(), () -> tokens.create("cli", Role.SECURITY_MANAGER, Duration.ofDays(1))).secret();
        var report = Files.createTempFile("grype", ".json");
        Files.write(report, sample("grype-presenter.json"));
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();

        int stored = Cli.run(new String[]{"upload-scan", "--server", "http://localhost:" + port, "--token", token, report.toString()},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(stored).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stored").contains("\"scanner\":\"grype\"");

        int refused = Cli.run(new String[]{"upload-scan", "--server", "http://localhost:" + port, "--token", "pst_wrong", report.toString()},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(refused).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTP 401");
    }

    private ControlStatus fixableControl(long clusterId) {
        return scores.controlResults("image-trust", "3.1", ScoreScope.cluster(clusterId), PageRequest.of(0, 5)).getContent().stream()
                .filter(result -> result.name().equals("api")).map(ResourceResult::status).findFirst().orElseThrow();
    }

    private ImageSummary image(String registry, String repository) {
        return images.images(repository, registry, false, PageRequest.of(0, 10)).getContent().stream()
                .filter(image -> image.repository().equals(repository)).findFirst().orElseThrow();
    }

    private HttpResponse<String> post(String token, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri()).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://localhost:" + port + "/api/v1/scans?name=report.json");
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = ScanUploadApiTest.class.getResourceAsStream("/scans/" + name)) {
            return in.readAllBytes();
        }
    }
}
