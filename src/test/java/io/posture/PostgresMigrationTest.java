package io.posture;

import io.posture.collect.ManifestImporter;
import io.posture.collect.RunStatus;
import io.posture.inventory.ImageCatalog;
import io.posture.inventory.ImageViews.FixState;
import io.posture.inventory.ImageViews.ScanReport;
import io.posture.inventory.ImageViews.ScannedImage;
import io.posture.inventory.ImageViews.Vulnerability;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.WorkloadKind;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.time.Instant;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.namespace;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The same Flyway migrations and queries against a real PostgreSQL (binaries from Maven Central). */
@SpringBootTest
class PostgresMigrationTest {

    private static final EmbeddedPostgres POSTGRES = start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<JavaMigration> javaMigrations;
    @Autowired
    ManifestImporter importer;
    @Autowired
    InventoryQueries inventory;
    @Autowired
    ScoreQueries scores;
    @Autowired
    ImageCatalog images;

    @Test
    void migrationsApplyAndTheImportScoreAndQueryPathWorks(@TempDir Path folder) throws IOException {
        var migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql");
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isEqualTo(migrations.length + javaMigrations.size());

        write(folder, "ns.yaml", namespace("shop", "checkout"));
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));
        write(folder, "web.yaml", deployment("shop", "web", "shop/web:1", "{allowPrivilegeEscalation: false}"));
        var run = importer.importPath("pg-cluster", "prod", folder);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        var cluster = inventory.cluster("pg-cluster").orElseThrow();
        // the reconciliation opens findings with ids the insert returned, each with its history entry
        assertThat(jdbc.queryForObject("select count(*) from finding where status = 'OPEN'", Long.class)).isPositive()
                .isEqualTo(jdbc.queryForObject("select count(*) from finding f join finding_event e on e.finding_id = f.id "
                        + "where e.to_status = 'OPEN' and e.from_status is null", Long.class));
        assertThat(scores.clusterScores("pss-restricted")).singleElement().satisfies(score -> {
            assertThat(score.score()).isBetween(0.0, 100.0);
            assertThat(score.failed()).isPositive();
        });
        assertThat(scores.namespaceScores(cluster.id(), "pss-restricted", PageRequest.of(0, 10)).getContent())
                .singleElement().satisfies(ns -> assertThat(ns.team()).isEqualTo("checkout"));
        assertThat(scores.workloadScores(cluster.id(), "shop", "pss-restricted", PageRequest.of(0, 10)).getContent())
                .extracting(w -> w.name()).containsExactly("api", "web");
        assertThat(scores.explain("pss-restricted", ScoreViews.ScoreScope.estate(), null, 10)).isNotEmpty();
        assertThat(scores.explain("pss-restricted", ScoreViews.ScoreScope.team("checkout"), "restricted", 10)).isNotEmpty();
        assertThat(scores.sections("cis-kubernetes", ScoreViews.ScoreScope.cluster(cluster.id()))).isNotEmpty();
        assertThat(scores.heatMap("pss-restricted")).isNotEmpty();
        assertThat(scores.trend("pss-restricted", ScoreViews.ScoreScope.namespace(cluster.id(), "shop"), null, 7).points()).isNotEmpty();
        var api = inventory.workload("pg-cluster", "shop", WorkloadKind.Deployment, "api").orElseThrow();
        assertThat(scores.workloadResults(api.clusterId(), api.id(), "pss-baseline")).isNotEmpty();

        imageQueriesWork(cluster.id());
    }

    /** The image inventory's queries (subqueries, nulls last, group by) on PostgreSQL. */
    private void imageQueriesWork(long clusterId) {
        var vulnerability = new Vulnerability("CVE-2024-45490", "libexpat1", "2.5.0-1", "2.5.0-1+deb12u1", "CRITICAL", 9.8,
                FixState.FIXED, "libexpat", null);
        var imageId = images.recordScan(new ScanReport("trivy", "0.54.1", new ScannedImage("shop/api:1", "sha256:" + "a".repeat(64),
                "debian 12.6", "amd64", null, "", Map.of("team", "shop")), List.of(vulnerability)), "api.json", "0".repeat(64), "test", Instant.now());
        images.refreshUses(clusterId, Instant.now());
        assertThat(images.images("shop/api", null, true, PageRequest.of(0, 10)).getContent())
                .singleElement().satisfies(image -> {
                    assertThat(image.id()).isEqualTo(imageId);
                    assertThat(image.workloads()).isEqualTo(1);
                    assertThat(image.taggedName()).isEqualTo("docker.io/shop/api:1");
                });
        assertThat(images.vulnerabilities(imageId, PageRequest.of(0, 10)).getContent()).hasSize(1);
        assertThat(images.whereIs("cve-2024-45490", PageRequest.of(0, 10)).getContent()).singleElement()
                .satisfies(occurrence -> assertThat(occurrence.workloads()).isEqualTo(1));
        assertThat(images.spread("CVE-2024-45490").running()).isEqualTo(1);
        assertThat(images.repositories("docker.io", PageRequest.of(0, 10)).getContent()).isNotEmpty();
        assertThat(images.factsFor(clusterId, Instant.now()).of("shop/api:1").fixableCriticalHigh()).containsExactly("CVE-2024-45490");
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
