package io.posture.api;

import io.posture.collect.ManifestImporter;
import io.posture.security.ApiTokens;
import io.posture.security.Role;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading scores, findings and results page by page, importing and collecting, and the OpenAPI description. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "posture.import.max-file-size=64KB")
class ReadApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ManifestImporter importer;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void toolsReadPagedFindingsAndResultsAndScoresWithTheSameRightsAsThePages(@TempDir Path folder) throws Exception {
        for (int i = 0; i < 5; i++) {
            write(folder, "app-" + i + ".yaml", deployment("shop", "app-" + i, "shop/app:" + i, "{privileged: true}"));
        }
        importer.importPath("read-api", "prod", folder);
        var viewer = as("viewer", Role.VIEWER.name(), () -> tokens.create("dashboard", Role.VIEWER, Duration.ofDays(1))).secret();
        var manager = as("manager", Role.SECURITY_MANAGER.name(), () -> tokens.create("pipeline", Role.SECURITY_MANAGER, Duration.ofDays(1))).secret();

        var page = json.readTree(get(viewer, "/api/v1/findings?cluster=read-api&control=privileged&size=2&page=1").body());
        assertThat(page.path("totalElements").asLong()).isEqualTo(5);
        assertThat(page.path("content").size()).isEqualTo(2);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(json.readTree(get(viewer, "/api/v1/findings?cluster=read-api&benchmark=cis-kubernetes&control=5.2.2").body())
                .path("totalElements").asLong()).as("CIS 5.2.2 names the same problem as PSS privileged").isEqualTo(5);
        var imageTrust = json.readTree(get(viewer, "/api/v1/findings?cluster=read-api&benchmark=image-trust&size=500").body());
        assertThat(imageTrust.path("totalElements").asLong()).isPositive();
        imageTrust.path("content").forEach(finding -> assertThat(finding.path("benchmarkId").asString()).isEqualTo("image-trust"));
        var results = json.readTree(get(viewer, "/api/v1/results?benchmark=pss-baseline&control=privileged&cluster=read-api&size=3").body());
        assertThat(results.path("totalElements").asLong()).isEqualTo(5);
        assertThat(results.path("content").path(0).path("status").asString()).isEqualTo("FAIL");
        var scores = json.readTree(get(viewer, "/api/v1/scores?benchmark=pss-baseline").body());
        assertThat(scores.path("clusters").size()).isPositive();
        assertThat(scores.path("estate").path("coverage").asDouble()).isBetween(0.0, 100.0);
        assertThat(get(viewer, "/api/v1/findings?size=100000").statusCode()).isEqualTo(400);

        var upload = deployment("shop", "uploaded", "shop/up:1", "{}");
        assertThat(post(viewer, "/api/v1/clusters/read-api/manifests", upload).statusCode()).as("a viewer imports nothing").isEqualTo(403);
        var imported = post(manager, "/api/v1/clusters/read-api-2/manifests?name=uploaded.yaml", upload);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(json.readTree(imported.body()).path("status").asString()).isEqualTo("COMPLETE");
        assertThat(post(manager, "/api/v1/clusters/read-api-2/manifests", "x".repeat(70_000)).statusCode()).isEqualTo(413);
        assertThat(post(manager, "/api/v1/clusters/read-api/collections", "").statusCode()).as("no live connection").isEqualTo(404);
        assertThat(post(viewer, "/api/v1/clusters/read-api/collections", "").statusCode()).isEqualTo(403);
    }

    @Test
    void anApiTokenReadsThePrometheusMetricsWhichAreClosedWithoutOne() throws Exception {
        var viewer = as("viewer", Role.VIEWER.name(), () -> tokens.create("prometheus", Role.VIEWER, Duration.ofDays(1))).secret();

        var metrics = get(viewer, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("posture_tasks_overdue").contains("posture_findings_active{severity=\"CRITICAL\"}");
        assertThat(get("pst_not-a-token", "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get(viewer, "/actuator/beans").statusCode()).as("nothing else of Actuator").isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDescriptionIsServedWithoutAToken() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        var paths = json.readTree(response.body()).path("paths");
        assertThat(paths.has("/api/v1/scans")).isTrue();
        assertThat(paths.has("/api/v1/findings")).isTrue();
        assertThat(paths.has("/api/v1/evidence/{format}")).isTrue();
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
