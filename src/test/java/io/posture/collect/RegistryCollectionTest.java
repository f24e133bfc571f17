package io.posture.collect;

import io.posture.benchmark.ControlStatus;
import io.posture.collect.RegistryViews.AuthKind;
import io.posture.collect.RegistryViews.RegistryForm;
import io.posture.inventory.ImageCatalog;
import io.posture.inventory.ImageViews.TagRow;
import io.posture.inventory.InventoryQueries;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ResourceResult;
import io.posture.scoring.ScoreViews.ScoreScope;
import io.posture.security.Roles;
import io.posture.support.RealRegistry;
import io.posture.support.RealRegistry.Platform;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The registry collector against a real registry (Debian's docker-registry with basic auth),
 * holding images pushed with skopeo: a signed one (cosign .sig tag), an unsigned root one and a
 * multi-arch index. CI installs both packages; elsewhere the test is skipped without them.
 */
@SpringBootTest(properties = {
        "posture.credentials.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "posture.collect.retries=2", "posture.collect.backoff=20ms", "posture.collect.request-timeout=2s",
        "posture.collect.page-size=500"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryCollectionTest {

    static final String PASSWORD = "registry-password-never-stored-in-clear";
    static final Instant BUILT = Instant.parse("2026-10-01T08:00:00Z");

    @Autowired
    RegistryConnections registries;
    @Autowired
    ManifestImporter importer;
    @Autowired
    CollectionRuns runs;
    @Autowired
    ImageCatalog images;
    @Autowired
    InventoryQueries inventory;
    @Autowired
    ScoreQueries scores;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    RealRegistry registry;
    String signedDigest;
    String unsignedDigest;
    String indexDigest;

    @BeforeAll
    void startRegistryAndPushImages() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(RealRegistry.installed(), "docker-registry and skopeo not installed: apt-get install -y docker-registry skopeo");
        }
        registry = new RealRegistry("pipeline", PASSWORD);
        signedDigest = registry.push("shop/api", "1.4.2", new Platform("linux", "amd64", "10001", BUILT,
                Map.of("org.opencontainers.image.source", "https://git.example.com/shop/api")));
        registry.pushSignature("shop/api", signedDigest);
        unsignedDigest = registry.push("shop/api", "latest", new Platform("linux", "amd64", "", BUILT.minusSeconds(86_400), Map.of()));
        indexDigest = registry.pushIndex("base/runtime", "2.0", List.of(
                new Platform("linux", "arm64", "65532", BUILT, Map.of()),
                new Platform("linux", "amd64", "65532", BUILT, Map.of("arch", "amd64"))));
    }

    @AfterAll
    void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void listsResolvesAndFlagsImagesAndTheImageRulesUseWhatItFound() throws Exception {
        var folder = Files.createTempDirectory("registry-workloads");
        write(folder, "api.yaml", deployment("shop", "api", registry.host() + "/shop/api:1.4.2", "{}"));
        write(folder, "legacy.yaml", deployment("shop", "legacy", registry.host() + "/shop/api:latest", "{}"));
        importer.importPath("registry-cluster", "prod", folder);

        long id = as("admin", Roles.ADMIN, () -> registries.save(new RegistryForm("test-registry", registry.url(), AuthKind.BASIC,
                "pipeline", PASSWORD, List.of())));
        assertThat(jdbc.queryForObject("select credential from registry_connection where id = ?", String.class, id))
                .doesNotContain(PASSWORD).startsWith("aesgcm1:");
        assertThat(as("admin", Roles.ADMIN, () -> registries.check(id))).contains("accepts the credentials");

        var run = as("manager", Roles.SECURITY_MANAGER, () -> registries.collect(id));
        assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.objectsStored()).isEqualTo(3);

        var tags = images.tags(registry.host(), "shop/api");
        assertThat(tags).extracting(TagRow::tag, TagRow::digest, TagRow::signed)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("1.4.2", signedDigest, true),
                        org.assertj.core.groups.Tuple.tuple("latest", unsignedDigest, false));
        var signed = images.image(tags.stream().filter(tag -> tag.tag().equals("1.4.2")).findFirst().orElseThrow().imageId()).orElseThrow();
        assertThat(signed.summary().configUser()).isEqualTo("10001");
        assertThat(signed.summary().created()).isEqualTo(BUILT);
        assertThat(signed.labels()).containsEntry("org.opencontainers.image.source", "https://git.example.com/shop/api");
        assertThat(signed.uses()).extracting(use -> use.workload()).containsExactly("api");

        var runtime = images.tags(registry.host(), "base/runtime");
        assertThat(runtime).singleElement().satisfies(tag -> {
            assertThat(tag.digest()).isEqualTo(indexDigest);
            assertThat(tag.signed()).isFalse();
        });
        var multiArch = images.image(runtime.getFirst().imageId()).orElseThrow();
        assertThat(multiArch.architecture()).isEqualTo("amd64");
        assertThat(multiArch.labels()).containsEntry("arch", "amd64");

        var cluster = inventory.cluster("registry-cluster").orElseThrow().id();
        var signatures = scores.controlResults("image-trust", "1.2", ScoreScope.cluster(cluster), PageRequest.of(0, 10)).getContent();
        assertThat(signatures).extracting(ResourceResult::name, ResourceResult::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("api", ControlStatus.PASS),
                        org.assertj.core.groups.Tuple.tuple("legacy", ControlStatus.FAIL));
        var users = scores.controlResults("image-trust", "2.1", ScoreScope.cluster(cluster), PageRequest.of(0, 10)).getContent();
        assertThat(users).filteredOn(result -> result.name().equals("legacy")).singleElement()
                .satisfies(result -> assertThat(result.evidence().getFirst().observed()).contains("root"));
    }

    @Test
    void aWrongPasswordOrAnUnreachableRegistryFailsTheRunWithAClearMessageAndKeepsWhatWasCollected() {
        long good = as("admin", Roles.ADMIN, () -> registries.save(new RegistryForm("keep-registry", registry.url(), AuthKind.BASIC,
                "pipeline", PASSWORD, List.of("shop/api"))));
        assertThat(as("manager", Roles.SECURITY_MANAGER, () -> registries.collect(good)).status()).isEqualTo(RunStatus.COMPLETE);
        int before = images.tags(registry.host(), "shop/api").size();

        long wrong = as("admin", Roles.ADMIN, () -> registries.save(new RegistryForm("wrong-registry", registry.url(), AuthKind.BASIC,
                "pipeline", "not-the-password", List.of())));
        var denied = as("manager", Roles.SECURITY_MANAGER, () -> registries.collect(wrong));
        assertThat(denied.status()).isEqualTo(RunStatus.FAILED);
        assertThat(denied.message()).contains("access denied");

        long closed = as("admin", Roles.ADMIN, () -> registries.save(new RegistryForm("gone-registry", "http://127.0.0.1:9", AuthKind.ANONYMOUS,
                null, null, List.of())));
        var unreachable = as("manager", Roles.SECURITY_MANAGER, () -> registries.collect(closed));
        assertThat(unreachable.status()).isEqualTo(RunStatus.FAILED);
        assertThat(unreachable.message()).contains("unreachable");

        assertThat(images.tags(registry.host(), "shop/api")).hasSize(before);
    }

    @Test
    void aRepositoryThatCannotBeReadMakesTheRunPartialAndTheOthersAreStillStored() {
        long id = as("admin", Roles.ADMIN, () -> registries.save(new RegistryForm("partial-registry", registry.url(), AuthKind.BASIC,
                "pipeline", PASSWORD, List.of("base/runtime", "shop/missing"))));

        var run = as("manager", Roles.SECURITY_MANAGER, () -> registries.collect(id));

        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.objectsStored()).isEqualTo(1);
        assertThat(runs.problems(run.id())).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("shop/missing");
            assertThat(problem.message()).contains("HTTP 404");
        });
        assertThat(images.tags(registry.host(), "base/runtime")).extracting(TagRow::digest).containsExactly(indexDigest);
    }
}
