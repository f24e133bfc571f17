package io.posture.api;

import io.posture.collect.ManifestImporter;
import io.posture.evidence.EvidencePackages;
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

/** Evidence downloads over the API: a compliance officer's token gets a package that verifies; others are refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "posture.import.max-file-size=64KB")
class EvidenceApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ManifestImporter importer;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void aComplianceOfficerDownloadsAVerifiablePackageAndOtherRolesOrBadQueriesAreRefused(@TempDir Path folder) throws Exception {
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));
        var run = importer.importPath("evidence-api", "prod", folder);
        var officer = as("auditor", Role.COMPLIANCE_OFFICER.name(), () -> tokens.create("audit", Role.COMPLIANCE_OFFICER, Duration.ofDays(1))).secret();
        var manager = as("manager", Role.SECURITY_MANAGER.name(), () -> tokens.create("mgr", Role.SECURITY_MANAGER, Duration.ofDays(1))).secret();

        var pkg = get(officer, "/api/v1/evidence/package?benchmark=pss-baseline&cluster=evidence-api");
        assertThat(pkg.statusCode()).isEqualTo(200);
        assertThat(pkg.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("evidence.zip"));
        assertThat(EvidencePackages.verify(pkg.body()).valid()).isTrue();

        var csv = get(officer, "/api/v1/evidence/results.csv?benchmark=pss-baseline&cluster=evidence-api&run=" + run.id());
        assertThat(new String(csv.body())).contains("evidence-api,shop,").contains("privileged");
        assertThat(get(manager, "/api/v1/evidence/json?benchmark=pss-baseline").statusCode()).isEqualTo(403);
        assertThat(get(officer, "/api/v1/evidence/json?benchmark=pss-baseline&asOf=yesterday").statusCode()).isEqualTo(400);
        assertThat(get(officer, "/api/v1/evidence/json?benchmark=no-such-benchmark").statusCode()).isEqualTo(404);
        assertThat(get(officer, "/api/v1/evidence/json?benchmark=pss-baseline&run=999999").statusCode()).isEqualTo(404);
        assertThat(get(officer, "/api/v1/evidence/pdf?benchmark=pss-baseline").headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(get(officer, "/api/v1/evidence/xlsx?benchmark=pss-baseline").statusCode()).isEqualTo(404);
        assertThat(get("pst_nobody", "/api/v1/evidence/json?benchmark=pss-baseline").statusCode()).isEqualTo(401);

        var target = folder.resolve("cli-evidence.zip");
        var sink = new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(io.posture.cli.Cli.run(new String[]{"export", "--server", "http://localhost:" + port, "--token", officer,
                "--benchmark", "pss-baseline", "--cluster", "evidence-api", "--run", String.valueOf(run.id()), "--out", target.toString()},
                sink, sink)).isZero();
        assertThat(EvidencePackages.verify(java.nio.file.Files.readAllBytes(target)).valid()).isTrue();
        assertThat(io.posture.cli.Cli.run(new String[]{"export", "--server", "http://localhost:" + port, "--token", manager,
                "--benchmark", "pss-baseline", "--out", folder.resolve("refused.zip").toString()}, sink, sink)).isEqualTo(1);
    }

    private HttpResponse<byte[]> get(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
