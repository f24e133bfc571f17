package io.posture.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.deploymentAs;
import static io.posture.support.Manifests.serviceAccount;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;

class ScanCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void jsonNamesResourceFileControlStatusAndEvidence(@TempDir Path folder) {
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));

        int exit = scan(folder.toString(), "--benchmark", "pss-baseline", "--format", "json");

        assertThat(exit).isZero();
        var json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("benchmark").asString()).isEqualTo("pss-baseline");
        assertThat(json.path("policyVersion").asString()).isEqualTo("v1.37");
        var privileged = find(json, "privileged");
        assertThat(privileged.path("resource").path("kind").asString()).isEqualTo("Deployment");
        assertThat(privileged.path("resource").path("namespace").asString()).isEqualTo("shop");
        assertThat(privileged.path("resource").path("name").asString()).isEqualTo("api");
        assertThat(privileged.path("file").asString()).endsWith("api.yaml");
        assertThat(privileged.path("status").asString()).isEqualTo("FAIL");
        assertThat(privileged.path("evidence").get(0).path("path").asString())
                .isEqualTo("spec.template.spec.containers[name=api].securityContext.privileged");
        assertThat(privileged.path("evidence").get(0).path("observed").asString()).isEqualTo("true");
    }

    @Test
    void failOnSetsTheExitCodeByThreshold(@TempDir Path folder) {
        // only medium failures under baseline: unconfined seccomp
        write(folder, "api.yaml", deployment("shop", "api", "a:1", "{seccompProfile: {type: Unconfined}}"));

        assertThat(scan(folder.toString(), "--benchmark", "pss-baseline", "--fail-on", "high")).isZero();
        assertThat(scan(folder.toString(), "--benchmark", "pss-baseline", "--fail-on", "medium")).isEqualTo(ScanCommand.FAILURES);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("seccompProfile_baseline").contains("Deployment shop/api");
    }

    @Test
    void aReviewedExceptionExplainsItsFailureOnlyAndAnExpiredOneNothing(@TempDir Path folder) {
        write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}"));
        write(folder, "web.yaml", deployment("shop", "web", "a:1", "{privileged: true}"));
        var exceptions = write(folder.resolve("review"), "exceptions.yaml", """
                - benchmark: pss-baseline
                  control: privileged
                  resource: Deployment shop/api
                  reason: node agent, isolated node pool
                  reviewedBy: alice
                  reviewedOn: "2026-12-02"
                - benchmark: pss-baseline
                  control: privileged
                  resource: Deployment shop/web
                  reason: was needed once
                  reviewedBy: bob
                  reviewedOn: "2025-01-01"
                  expires: "2025-06-30"
                """);
        var manifests = new String[]{folder.resolve("api.yaml").toString(), folder.resolve("web.yaml").toString()};

        int exit = scan(manifests[0], manifests[1], "--benchmark", "pss-baseline", "--fail-on", "high",
                "--exceptions", exceptions.toString());
        assertThat(exit).as("web's exception expired").isEqualTo(ScanCommand.FAILURES);
        var table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("excepted: CRITICAL privileged on Deployment shop/api: node agent, isolated node pool "
                + "(reviewed by alice on 2026-12-02)").contains("1 failed, 1 excepted");
        assertThat(scan(manifests[0], "--benchmark", "pss-baseline", "--fail-on", "low", "--exceptions", exceptions.toString()))
                .isZero();
        scan(manifests[0], "--benchmark", "pss-baseline", "--format", "json", "--exceptions", exceptions.toString());
        var privileged = find(JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8)), "privileged");
        assertThat(privileged.path("status").asString()).isEqualTo("EXCEPTED");
        assertThat(privileged.path("exception").path("reviewedBy").asString()).isEqualTo("alice");

        scan(manifests[0], "--benchmark", "pss-restricted,cis-kubernetes", "--exceptions", exceptions.toString());
        assertThat(out.toString(StandardCharsets.UTF_8)).as("the same problem under other benchmarks: one reviewed exception")
                .contains("privileged on Deployment shop/api: node agent, isolated node pool")
                .contains("5.2.2 on Deployment shop/api: node agent, isolated node pool");
    }

    @Test
    void anExceptionsFileWithAWrongFieldIsRefusedWhole(@TempDir Path folder) {
        write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}"));
        var unquoted = write(folder.resolve("review"), "unquoted.yaml", """
                - {benchmark: image-trust, control: 1.1, resource: Deployment shop/api, reason: x, reviewedBy: a, reviewedOn: "2026-12-02"}
                """);
        var noReviewer = write(folder.resolve("review"), "no-reviewer.yaml", """
                - {benchmark: pss-baseline, control: privileged, resource: Deployment shop/api, reason: x, reviewedOn: "2026-12-02"}
                """);
        var badDate = write(folder.resolve("review"), "bad-date.yaml", """
                - {benchmark: pss-baseline, control: privileged, resource: Deployment shop/api, reason: x, reviewedBy: a, reviewedOn: soon}
                """);
        var api = folder.resolve("api.yaml").toString();

        assertThat(scan(api, "--exceptions", unquoted.toString())).isEqualTo(ScanCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exception 1: 'control' must be a non-empty text");
        assertThat(scan(api, "--exceptions", noReviewer.toString())).isEqualTo(ScanCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'reviewedBy' must be a non-empty text");
        assertThat(scan(api, "--exceptions", badDate.toString())).isEqualTo(ScanCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'reviewedOn' must be a date like 2026-12-02, not 'soon'");
        assertThat(scan(api, "--exceptions", folder.resolve("missing.yaml").toString())).isEqualTo(ScanCommand.ERROR);
    }

    @Test
    void aHugeOrHostileExceptionsFileIsRefusedBeforeAnythingIsExcepted(@TempDir Path folder) {
        write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}"));
        var api = folder.resolve("api.yaml").toString();
        var entry = "- {benchmark: pss-baseline, control: privileged, resource: Deployment shop/api, reason: x, reviewedBy: a, "
                + "reviewedOn: \"2026-12-02\"}\n";
        var huge = write(folder.resolve("review"), "huge.yaml", entry.repeat(1_100_000 / entry.length() + 1));
        var bomb = write(folder.resolve("review"), "bomb.yaml", """
                - &a {benchmark: [*a, *a], control: privileged}
                """);
        var notAList = write(folder.resolve("review"), "map.yaml", "benchmark: pss-baseline\n");

        assertThat(scan(api, "--exceptions", huge.toString(), "--fail-on", "low")).isEqualTo(ScanCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("larger than 1000000 bytes");
        assertThat(scan(api, "--exceptions", bomb.toString(), "--fail-on", "low")).isEqualTo(ScanCommand.ERROR);
        assertThat(scan(api, "--exceptions", notAList.toString(), "--fail-on", "low")).isEqualTo(ScanCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected a list of exceptions");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("excepted:");
    }

    @Test
    void theFilesAreOneClusterForRbacNetworkPolicyAndNamespaceControls(@TempDir Path folder) {
        write(folder, "manifests/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
        write(folder, "manifests/api.yaml", deployment("shop", "api", "a:1", "{}"));
        write(folder, "manifests/reader.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: secret-reader}
                rules: [{apiGroups: [""], resources: [secrets], verbs: [get, list]}]
                """);
        var exceptions = write(folder.resolve("review"), "exceptions.yaml", """
                - {benchmark: cis-kubernetes, control: "5.3.2", resource: Namespace shop, reason: policy applied by the platform,
                   reviewedBy: alice, reviewedOn: "2026-12-02"}
                """);

        int exit = scan(folder.resolve("manifests").toString(), "--benchmark", "cis-kubernetes", "--format", "json", "--fail-on", "high");

        assertThat(exit).as("who may read secrets is a HIGH failure").isEqualTo(ScanCommand.FAILURES);
        var json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.has("policyVersion")).as("CIS has an edition, not Kubernetes policy versions").isFalse();
        assertThat(json.path("edition").asString()).isEqualTo("v1.12");
        var secrets = find(json, "5.1.2");
        assertThat(secrets.path("status").asString()).isEqualTo("FAIL");
        assertThat(secrets.path("resource").path("kind").asString()).isEqualTo("ClusterRole");
        assertThat(secrets.path("resource").path("name").asString()).isEqualTo("secret-reader");
        assertThat(secrets.path("file").asString()).endsWith("reader.yaml");
        assertThat(find(json, "5.3.2").path("status").asString()).isEqualTo("FAIL");
        assertThat(json.path("summary").path("notDecidable").asLong()).as("manual and node-report controls").isPositive();
        var statuses = new ArrayList<String>();
        json.path("results").forEach(result -> statuses.add(result.path("status").asString()));
        assertThat(statuses).as("a control files cannot decide never passes").contains("MANUAL");

        assertThat(scan(folder.resolve("manifests").toString(), "--benchmark", "cis-kubernetes@v1.33")).isEqualTo(ScanCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cis-kubernetes has no policy versions");
        scan(folder.resolve("manifests").toString(), "--benchmark", "cis-kubernetes", "--exceptions", exceptions.toString());
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("CIS Kubernetes Benchmark v1.12\n")
                .contains("excepted: MEDIUM 5.3.2 on Namespace shop")
                .contains("ClusterRole secret-reader").contains("controls not decidable from files");
    }

    @Test
    void aServiceAccountThatDisablesTheTokenPassesItsPodsThatLeaveItUnset(@TempDir Path folder) {
        write(folder, "sa.yaml", serviceAccount("shop", "api", false));
        write(folder, "api.yaml", deploymentAs("api", "shop", "api", "a:1", "{}"));
        write(folder, "web.yaml", deployment("shop", "web", "a:1", "{}"));

        scan(folder.toString(), "--benchmark", "cis-kubernetes", "--format", "json");

        var json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        var byWorkload = new java.util.HashMap<String, String>();
        json.path("results").forEach(result -> {
            if (result.path("control").asString().equals("5.1.6")) {
                byWorkload.put(result.path("resource").path("name").asString(), result.path("status").asString());
            }
        });
        assertThat(byWorkload).containsEntry("api", "PASS").containsEntry("web", "FAIL");
    }

    @Test
    void objectsWithTheSameNameInDifferentFilesStayApart(@TempDir Path folder) {
        write(folder, "a/api.yaml", deployment("shop", "api", "a:1", "{privileged: true}"));
        write(folder, "b/api.yaml", deployment("shop", "api", "a:1", "{}"));

        scan(folder.toString(), "--benchmark", "pss-baseline", "--format", "json");

        var json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("summary").path("resources").asInt()).isEqualTo(2);
        var statuses = new ArrayList<String>();
        json.path("results").forEach(result -> {
            if (result.path("control").asString().equals("privileged")) {
                statuses.add(result.path("file").asString().replace(folder.toString(), "") + "=" + result.path("status").asString());
            }
        });
        assertThat(statuses).containsExactly("/a/api.yaml=FAIL", "/b/api.yaml=PASS");
    }

    @Test
    void aPinnedPolicyVersionChangesWhatApplies(@TempDir Path folder) {
        write(folder, "api.yaml", deployment("shop", "api", "a:1", "{}"));

        scan(folder.toString(), "--benchmark", "pss-restricted@v1.22", "--format", "json");

        var json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("policyVersion").asString()).isEqualTo("v1.22");
        assertThat(find(json, "runAsUser").path("status").asString()).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void unreadableInputAndBadUsageExitWithTwoAndSayWhy(@TempDir Path folder) {
        write(folder, "bad.yaml", "kind: [");

        assertThat(scan(folder.toString())).isEqualTo(ScanCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.yaml").contains("malformed YAML");
        assertThat(scan()).isEqualTo(ScanCommand.ERROR);
        assertThat(scan(folder.toString(), "--fail-on", "severe")).isEqualTo(ScanCommand.ERROR);
        assertThat(scan(folder.toString(), "--benchmark", "nope")).isEqualTo(ScanCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: posture scan").contains("unknown benchmark 'nope'");
    }

    @Test
    void aListOfBenchmarksChecksTheFilesAgainstEachAndFailsOnAnyOfThem(@TempDir Path folder) {
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));

        int exit = scan(folder.toString(), "--benchmark", "pss-baseline, cis-kubernetes", "--format", "json", "--fail-on", "critical");

        assertThat(exit).isEqualTo(ScanCommand.FAILURES);
        var scans = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8)).path("scans");
        assertThat(scans).extracting(scan -> scan.path("benchmark").asString()).containsExactly("pss-baseline", "cis-kubernetes");
        assertThat(find(scans.get(0), "privileged").path("status").asString()).isEqualTo("FAIL");
        assertThat(find(scans.get(1), "5.2.2").path("status").asString()).isEqualTo("FAIL");
        assertThat(scans.get(1).has("policyVersion")).as("CIS has an edition, not policy versions").isFalse();

        scan(folder.toString(), "--benchmark", "pss-baseline@v1.30,image-trust");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Pod Security Standards — Baseline (policy v1.30)")
                .contains("Image trust");
        assertThat(scan(folder.toString(), "--benchmark", "pss-baseline,,image-trust")).isEqualTo(ScanCommand.ERROR);
        assertThat(scan(folder.toString(), "--benchmark", "pss-baseline,pss-baseline")).isEqualTo(ScanCommand.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("names a benchmark twice");
        assertThat(scan(folder.toString(), "--benchmark", "pss-baseline,nope")).isEqualTo(ScanCommand.ERROR);
    }

    @Test
    void objectsNoControlLooksAtAreCountedByKindNotTakenForChecked(@TempDir Path folder) {
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{}"));
        write(folder, "other.yaml", """
                apiVersion: v1
                kind: Endpoints
                metadata: {name: api, namespace: shop}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w, namespace: shop}
                spec: {size: 3}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api-5d9f-abcde
                  namespace: shop
                  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-5d9f, uid: u1, controller: true}]
                spec: {containers: [{name: app, image: shop/api:1}]}
                """);

        assertThat(scan(folder.toString(), "--benchmark", "pss-baseline", "--format", "json")).isZero();
        var notChecked = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8)).path("notChecked");
        assertThat(notChecked.path("Endpoints").asInt()).isEqualTo(1);
        assertThat(notChecked.path("Widget").asInt()).isEqualTo(1);
        assertThat(notChecked.path("Pod owned by a controller").asInt()).isEqualTo(1);
        assertThat(notChecked.has("Deployment")).isFalse();

        scan(folder.toString(), "--benchmark", "pss-baseline");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("not checked (no control looks at these kinds): 1 Endpoints, 1 Pod owned by a controller, 1 Widget");
    }

    @Test
    void benchmarksListsWhatScanTakesAndHowMuchOfEachFilesDecide() {
        int exit = CliRuns.run(out, err, "benchmarks");

        assertThat(exit).isZero();
        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).startsWith("ID").contains("FROM FILES");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("pss-restricted").contains("Restricted"))
                .anySatisfy(line -> assertThat(line).startsWith("cis-kubernetes").contains("CIS Kubernetes Benchmark"))
                .anySatisfy(line -> assertThat(line).startsWith("image-trust"));
        assertThat(CliRuns.run(out, err, "benchmarks", "--all")).isEqualTo(ScanCommand.ERROR);
    }

    private int scan(String... args) {
        return CliRuns.run(out, err, "scan", args);
    }

    private static JsonNode find(JsonNode json, String control) {
        for (var result : json.path("results")) {
            if (result.path("control").asString().equals(control)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + control);
    }
}
