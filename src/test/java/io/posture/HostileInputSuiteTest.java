package io.posture;

import io.posture.cli.Cli;
import io.posture.collect.ManifestImporter;
import io.posture.collect.RunStatus;
import io.posture.security.ApiTokens;
import io.posture.security.Role;
import io.posture.shared.Sha256;
import io.posture.support.HostileCorpus;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of the hostile corpus, through the API, the importer and the CLI: a clear 4xx or exit
 * 2 with the reason, the application still answering, and the inventory exactly as before (row
 * counts and a hash of its content). The heaviest ones also go to a CLI with a small heap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputSuiteTest {

    private static final List<String> INVENTORY = List.of("cluster", "kube_namespace", "workload", "workload_container",
            "cluster_object", "host", "control_result", "finding", "image");

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ManifestImporter importer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    String token;

    @BeforeEach
    void anEstateToProtect(@TempDir Path folder) {
        SignedIn.bindTo(securityContexts);
        token = as("manager", Role.SECURITY_MANAGER.name(), () -> tokens.create("hostile", Role.SECURITY_MANAGER, Duration.ofDays(1))).secret();
        if (jdbc.queryForObject("select count(*) from workload", Integer.class) == 0) {
            write(folder, "web.yaml", deployment("hostile", "web", "shop/web:1", "{privileged: true}"));
            importer.importPath("hostile", "prod", folder);
        }
    }

    @Test
    void noHostileFileChangesTheInventoryThroughTheApi() throws Exception {
        for (var attack : HostileCorpus.cases()) {
            var before = inventory();
            var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/clusters/hostile/manifests?name=" + attack.fileName()))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(attack.content())).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(attack + ": " + abbreviate(response.body())).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type")).as(attack.attack()).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            var problem = json.readTree(response.body());
            assertThat(problem.path("errors").toString()).as(attack.attack()).contains(attack.reason());
            assertThat(inventory()).as(attack.attack()).isEqualTo(before);
            assertThat(alive()).as("alive after " + attack).isEqualTo(200);
        }
    }

    @Test
    void noHostileFileChangesTheInventoryThroughTheImporterOrPassesTheCli(@TempDir Path folder) throws Exception {
        for (var attack : HostileCorpus.cases()) {
            var file = folder.resolve(attack.fileName());
            Files.write(file, attack.content());
            var before = inventory();

            var run = importer.importPath("hostile", "prod", file);
            assertThat(run.status()).as(attack.attack()).isEqualTo(RunStatus.FAILED);
            assertThat(inventory()).as(attack.attack()).isEqualTo(before);

            var err = new ByteArrayOutputStream();
            int exit = Cli.run(new String[]{"scan", file.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
            assertThat(exit).as(attack.attack()).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(attack.attack()).contains(attack.reason());
        }
    }

    @Test
    void theCliStaysWithinASmallHeapOnTheLargestAttacks(@TempDir Path folder) throws Exception {
        for (var attack : HostileCorpus.cases()) {
            if (attack.content().length < 1024 * 1024) {
                continue;
            }
            var file = folder.resolve(attack.fileName());
            Files.write(file, attack.content());
            var java = ProcessHandle.current().info().command().orElse("java");
            var process = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    PostureApplication.class.getName(), "scan", file.toString()).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(attack + ": " + abbreviate(output)).isEqualTo(2);
            assertThat(output).as(attack.attack()).contains(attack.reason()).doesNotContain("OutOfMemoryError");
        }
    }

    private int alive() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/scores?benchmark=pss-baseline"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Row counts of the inventory and what it holds, as one hash. */
    private String inventory() {
        var text = new StringBuilder();
        INVENTORY.forEach(table -> text.append(table).append('=')
                .append(jdbc.queryForObject("select count(*) from " + table, Long.class)).append('\n'));
        jdbc.query("select name, last_seen from cluster order by id", row -> {
            text.append(row.getString(1)).append(row.getString(2)).append('\n');
        });
        jdbc.query("select kind, namespace, name, pod_spec, last_seen from workload order by id", row -> {
            text.append(row.getString(1)).append(row.getString(2)).append(row.getString(3)).append(row.getString(4))
                    .append(row.getString(5)).append('\n');
        });
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
