package io.posture.collect;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.posture.collect.ConnectionViews.ConnectionForm;
import io.posture.collect.ConnectionViews.ConnectionKind;
import io.posture.collect.RunViews.RunSummary;
import io.posture.benchmark.ControlStatus;
import io.posture.inventory.ImageCatalog;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.WorkloadKind;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ControlResultView;
import io.posture.security.Roles;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Live collection against Fabric8's mock API server: in CRUD mode it stores what the test creates;
 * expectations on top of it play the faults of a real API server.
 */
@SpringBootTest(properties = {
        "posture.credentials.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "posture.collect.retries=2", "posture.collect.backoff=20ms", "posture.collect.request-timeout=2s",
        "posture.collect.page-size=500"})
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesCollectionTest {

    static final String TOKEN = "token-that-must-never-be-stored-in-clear";

    KubernetesClient kubernetes;
    KubernetesMockServer server;

    @Autowired
    ClusterConnections connections;
    @Autowired
    CollectionRuns runs;
    @Autowired
    InventoryQueries inventory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ImageCatalog images;
    @Autowired
    ScoreQueries scores;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void everyKindLandsAndASecondRunUpdatesAddsAndRemoves() {
        kubernetes.resource(new NamespaceBuilder().withNewMetadata().withName("shop").addToLabels("team", "payments")
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted").endMetadata().build()).create();
        kubernetes.resource(node("worker-1")).create();
        kubernetes.resource(deployment("api", true)).create();
        kubernetes.resource(deployment("web", false)).create();
        kubernetes.resource(new PodBuilder().withNewMetadata().withName("debug").withNamespace("shop").endMetadata()
                .withNewSpec().addNewContainer().withName("debug").withImage("busybox:1").addNewEnv().withName("PASSWORD")
                .withValue("literal-env-secret").endEnv().endContainer().endSpec().build()).create();
        kubernetes.resource(runningPod("api-7d9f6c-x2x4q", "api-7d9f6c", "7d9f6c")).create();
        kubernetes.resource(new ServiceAccountBuilder().withNewMetadata().withName("api").withNamespace("shop").endMetadata().build()).create();
        kubernetes.resource(new RoleBuilder().withNewMetadata().withName("reader").withNamespace("shop").endMetadata()
                .addNewRule().withApiGroups("").withResources("pods").withVerbs("get").endRule().build()).create();
        kubernetes.resource(new ClusterRoleBindingBuilder().withNewMetadata().withName("ops-admin").endMetadata()
                .withNewRoleRef().withKind("ClusterRole").withName("cluster-admin").withApiGroup("rbac.authorization.k8s.io").endRoleRef()
                .build()).create();
        kubernetes.resource(new NetworkPolicyBuilder().withNewMetadata().withName("deny-all").withNamespace("shop").endMetadata()
                .withNewSpec().withPolicyTypes("Ingress").endSpec().build()).create();
        kubernetes.resource(new ServiceBuilder().withNewMetadata().withName("api").withNamespace("shop").endMetadata()
                .withNewSpec().withType("LoadBalancer").addNewPort().withPort(443).endPort().endSpec().build()).create();
        kubernetes.resource(new IngressBuilder().withNewMetadata().withName("shop").withNamespace("shop").endMetadata()
                .withNewSpec().addNewRule().withHost("shop.example.com").endRule().endSpec().build()).create();
        kubernetes.resource(new ValidatingWebhookConfigurationBuilder().withNewMetadata().withName("policy").endMetadata()
                .addNewWebhook().withName("policy.example.com").withFailurePolicy("Ignore").endWebhook().build()).create();
        kubernetes.resource(new MutatingWebhookConfigurationBuilder().withNewMetadata().withName("sidecar").endMetadata()
                .addNewWebhook().withName("sidecar.example.com").withFailurePolicy("Fail").endWebhook().build()).create();
        kubernetes.resource(secret("db")).create();
        kubernetes.resource(new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("shop").endMetadata()
                .addToData("key", "config-value").build()).create();
        long id = connect("live-1");

        var first = collect(id);

        assertThat(first.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(first.kindCounts()).contains("Namespace 1", "Node 1", "Deployment 2", "Pod 2", "ServiceAccount 1", "Role 1",
                "ClusterRoleBinding 1", "NetworkPolicy 1", "Service 1", "Ingress 1", "ValidatingWebhookConfiguration 1",
                "MutatingWebhookConfiguration 1", "Secret 1", "ConfigMap 1");
        assertThat(first.kindsDone()).isEqualTo(first.kindsTotal());
        assertThat(inventory.workload("live-1", "shop", WorkloadKind.Deployment, "api")).hasValueSatisfying(workload ->
                assertThat(workload.team()).isEqualTo("payments"));
        assertThat(inventory.workload("live-1", "shop", WorkloadKind.Pod, "debug")).isPresent();
        long clusterId = inventory.cluster("live-1").orElseThrow().id();
        assertThat(inventory.namespace(clusterId, "shop")).hasValueSatisfying(namespace ->
                assertThat(namespace.labels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted"));
        assertThat(inventory.hosts(clusterId, PageRequest.of(0, 10))).singleElement().satisfies(host -> {
            assertThat(host.name()).isEqualTo("worker-1");
            assertThat(host.kubeletVersion()).isEqualTo("v1.31.4");
            assertThat(host.osImage()).isEqualTo("Ubuntu 24.04.1 LTS");
            assertThat(host.kernelVersion()).isEqualTo("6.8.0-51-generic");
            assertThat(host.containerRuntime()).isEqualTo("containerd://1.7.24");
            assertThat(host.ready()).isEqualTo("True");
            assertThat(host.conditions()).containsEntry("DiskPressure", "False");
            assertThat(host.labels()).containsEntry("node-role.kubernetes.io/worker", "");
            assertThat(host.taints()).containsExactly("dedicated=payments:NoSchedule");
        });
        assertThat(inventory.runningImages(clusterId, "shop", WorkloadKind.Deployment, "api")).singleElement().satisfies(image -> {
            assertThat(image.containerName()).isEqualTo("api");
            assertThat(image.imageId()).isEqualTo("registry.example/api@sha256:" + "a".repeat(64));
            assertThat(image.pods()).isEqualTo(1);
        });
        assertThat(jdbc.queryForList("select kind from cluster_object where cluster_id = ?", String.class, clusterId))
                .contains("Service", "Ingress", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "Secret", "ConfigMap");
        assertThat(jdbc.queryForObject("select count(*) from workload where pod_spec like '%literal-env-secret%'", Integer.class)).isZero();
        assertNoSecretValueWasRequestedOrStored();

        kubernetes.apps().deployments().inNamespace("shop").withName("web").delete();
        kubernetes.resource(deployment("worker", false)).create();
        kubernetes.resource(deployment("api", false)).update();
        kubernetes.nodes().withName("worker-1").delete();

        var second = collect(id);

        assertThat(second.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(second.objectsRemoved()).isEqualTo(2);
        assertThat(inventory.workload("live-1", "shop", WorkloadKind.Deployment, "web")).isEmpty();
        assertThat(inventory.workload("live-1", "shop", WorkloadKind.Deployment, "worker")).isPresent();
        assertThat(inventory.workload("live-1", "shop", WorkloadKind.Deployment, "api")).hasValueSatisfying(workload ->
                assertThat(workload.containers().getFirst().securityContextJson()).doesNotContain("privileged\":true"));
        assertThat(inventory.hosts(clusterId, PageRequest.of(0, 10))).isEmpty();
    }

    /**
     * Secrets and ConfigMaps are listed as metadata only: every request for them asks the API server for
     * PartialObjectMetadataList, and even though this mock server ignores that and sends the values,
     * none of them reaches the database (the whole database is scripted out and searched).
     */
    private void assertNoSecretValueWasRequestedOrStored() {
        var secretRequests = requests().stream()
                .filter(request -> request.getPath().contains("/secrets") || request.getPath().contains("/configmaps")).toList();
        assertThat(secretRequests).isNotEmpty().allSatisfy(request -> {
            assertThat(request.getPath()).doesNotContain("watch");
            assertThat(request.getHeader("Accept")).contains("as=PartialObjectMetadataList");
        });
        var database = String.join("\n", jdbc.queryForList("script", String.class));
        assertThat(database).contains("last-run-marker")
                .doesNotContain("secret-value-from-the-api")
                .doesNotContain(Base64.getEncoder().encodeToString("secret-value-from-the-api".getBytes(StandardCharsets.UTF_8)))
                .doesNotContain("config-value")
                .doesNotContain(TOKEN);
    }

    @Test
    void credentialsAreEncryptedAtRestAndNeverShown() {
        long id = connect("live-2");

        var stored = jdbc.queryForObject("select credential from cluster_connection where id = ?", String.class, id);

        assertThat(stored).startsWith("aesgcm1:").doesNotContain(TOKEN);
        assertThat(connections.list()).filteredOn(connection -> connection.id() == id).singleElement()
                .satisfies(connection -> assertThat(connection.toString()).doesNotContain(TOKEN).contains("hasCredential=true"));
    }

    @Test
    void aConnectionIsTestedFromTheFormBeforeAnythingIsSaved() {
        long before = jdbc.queryForObject("select count(*) from cluster_connection", Long.class);
        var url = server.url("/").replaceAll("/$", "");

        var check = as("admin", Roles.ADMIN, () -> connections.check(new ConnectionForm("live-unsaved", "prod", ConnectionKind.TOKEN,
                url, null, TOKEN, null, null)));
        // Fabric8's CRUD mock serves no /version; what matters is that it was reached and listed
        assertThat(check.error()).isNull();
        assertThat(check.readable()).contains("Pod", "Deployment");
        assertThat(as("admin", Roles.ADMIN, () -> connections.check(new ConnectionForm("live-unsaved", "prod", ConnectionKind.TOKEN,
                url, null, "", null, null))).error()).isEqualTo("no bearer token given");
        assertThat(as("admin", Roles.ADMIN, () -> connections.check(new ConnectionForm("live-unsaved", "prod", ConnectionKind.TOKEN,
                "k8s.example.com", null, TOKEN, null, null))).error()).contains("API server URL");
        assertThatThrownBy(() -> as("manager", Roles.SECURITY_MANAGER, () -> connections.check(new ConnectionForm("live-unsaved",
                "prod", ConnectionKind.TOKEN, url, null, TOKEN, null, null)))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        assertThat(jdbc.queryForObject("select count(*) from cluster_connection", Long.class)).as("nothing saved").isEqualTo(before);
        assertThat(connections.credentialsCanBeStored()).isTrue();
    }

    @Test
    void aForbiddenKindIsNotVisibleItsControlsAreUnknownAndTheRunRemovesNothing() {
        kubernetes.resource(deployment("api", true)).create();
        long id = connect("live-3");
        assertThat(collect(id).status()).isEqualTo(RunStatus.COMPLETE);
        var api = inventory.workload("live-3", "shop", WorkloadKind.Deployment, "api").orElseThrow();
        assertThat(scores.workloadResults(api.clusterId(), api.id(), "pss-baseline")).extracting(ControlResultView::status).contains(ControlStatus.FAIL);
        kubernetes.apps().deployments().inNamespace("shop").withName("api").delete();
        server.expect().get().withPath("/apis/apps/v1/deployments?limit=500")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("forbidden").build()).always();

        var run = collect(id);

        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(runs.problems(run.id())).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("Deployment");
            assertThat(problem.message()).startsWith("not visible").contains("403");
        });
        assertThat(inventory.workload("live-3", "shop", WorkloadKind.Deployment, "api")).as("kept: a partial run removes nothing").isPresent();
        assertThat(inventory.cluster("live-3").orElseThrow().unreadKinds()).containsExactly("Deployment");
        assertThat(scores.workloadResults(api.clusterId(), api.id(), "pss-baseline")).as("never a pass or fail on what could not be seen")
                .extracting(ControlResultView::status).containsOnly(ControlStatus.UNKNOWN);
    }

    @Test
    void secretsWithheldByTheCollectorRoleAreLeftOutByChoiceNotAProblem() {
        kubernetes.resource(deployment("api", false)).create();
        long id = connect("live-secrets");
        server.expect().get().withPath("/api/v1/secrets?limit=500")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("forbidden").build()).always();

        var run = collect(id);

        assertThat(run.status()).as("the shipped role grants nothing on Secrets: no reason for PARTIAL").isEqualTo(RunStatus.COMPLETE);
        assertThat(runs.problems(run.id())).isEmpty();
        assertThat(run.message()).contains("Secret left out: the collector role does not list them");
        assertThat(inventory.cluster("live-secrets").orElseThrow().unreadKinds()).as("their controls are UNKNOWN").containsExactly("Secret");
        assertThat(inventory.workload("live-secrets", "shop", WorkloadKind.Deployment, "api")).isPresent();
    }

    @Test
    void serverErrorsAreRetriedAndErrorsThatPersistMakeTheRunPartial() {
        kubernetes.resource(deployment("api", false)).create();
        long id = connect("live-4");
        server.expect().get().withPath("/apis/apps/v1/deployments?limit=500").andReturn(500, "boom").times(2);

        var retried = collect(id);

        assertThat(retried.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(inventory.workload("live-4", "shop", WorkloadKind.Deployment, "api")).isPresent();

        kubernetes.apps().deployments().inNamespace("shop").withName("api").delete();
        server.expect().get().withPath("/apis/apps/v1/deployments?limit=500").andReturn(503, "unavailable").always();
        server.expect().get().withPath("/apis/apps/v1/statefulsets?limit=500").andReturn(200, "{\"kind\": \"StatefulSetList\", \"items\": [").always();

        var failing = collect(id);

        assertThat(failing.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(runs.problems(failing.id())).extracting(RunViews.RunProblem::location).containsExactlyInAnyOrder("Deployment", "StatefulSet");
        assertThat(runs.problems(failing.id())).allSatisfy(problem -> assertThat(problem.message()).startsWith("failed after 3 attempts"));
        assertThat(inventory.workload("live-4", "shop", WorkloadKind.Deployment, "api")).isPresent();
    }

    @Test
    void objectsTheServerSendsBrokenAreNamedOnAPartialRunAndTheRestOfTheirKindLands() {
        kubernetes.resource(deployment("api", false)).create();
        long id = connect("live-bad");
        assertThat(collect(id).status()).isEqualTo(RunStatus.COMPLETE);
        kubernetes.apps().deployments().inNamespace("shop").withName("api").delete();
        var good = kubernetes.getKubernetesSerialization().asJson(deployment("good", false));
        server.expect().get().withPath("/apis/apps/v1/statefulsets?limit=500")
                .andReturn(200, "{\"kind\":\"StatefulSetList\",\"apiVersion\":\"apps/v1\",\"items\":["
                        + "{\"metadata\":{\"name\":\"no-template\",\"namespace\":\"shop\"},\"spec\":{}},"
                        + "{\"metadata\":{\"namespace\":\"shop\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[]}}}}]}").always();
        server.expect().get().withPath("/apis/apps/v1/deployments?limit=500")
                .andReturn(200, "{\"kind\":\"DeploymentList\",\"apiVersion\":\"apps/v1\",\"items\":[" + good + "]}").always();

        var run = collect(id);

        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.message()).contains("2 objects could not be read").endsWith("so nothing was removed");
        assertThat(runs.problems(run.id())).extracting(RunViews.RunProblem::location)
                .containsExactlyInAnyOrder("StatefulSet shop/no-template", "StatefulSet without a name");
        assertThat(runs.problems(run.id())).filteredOn(problem -> problem.location().endsWith("no-template")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("no pod spec"));
        assertThat(inventory.workload("live-bad", "shop", WorkloadKind.Deployment, "good")).as("the good ones land").isPresent();
        assertThat(inventory.workload("live-bad", "shop", WorkloadKind.Deployment, "api"))
                .as("a PARTIAL run removes nothing: what it could not read may be what is missing").isPresent();
    }

    @Test
    void trivyOperatorVulnerabilityReportsInTheClusterBecomeTheScansOfTheImagesItRuns() {
        kubernetes.resource(deployment("web", false)).create();
        server.expect().get().withPath("/apis/aquasecurity.github.io/v1alpha1/vulnerabilityreports?limit=500")
                .andReturn(200, """
                        {"apiVersion": "aquasecurity.github.io/v1alpha1", "kind": "VulnerabilityReportList", "metadata": {},
                         "items": [
                          {"apiVersion": "aquasecurity.github.io/v1alpha1", "kind": "VulnerabilityReport",
                           "metadata": {"name": "replicaset-web-6d4cf56db6-web", "namespace": "shop"},
                           "report": {"artifact": {"repository": "web", "tag": "1"}, "registry": {"server": "registry.example"},
                                      "scanner": {"name": "Trivy", "version": "0.57.1"},
                                      "vulnerabilities": [{"vulnerabilityID": "CVE-2024-45490", "resource": "libexpat1",
                                                           "installedVersion": "2.5.0-1", "fixedVersion": "2.5.0-1+deb12u1",
                                                           "severity": "CRITICAL", "score": 9.8}]}},
                          {"apiVersion": "aquasecurity.github.io/v1alpha1", "kind": "VulnerabilityReport",
                           "metadata": {"name": "broken", "namespace": "shop"}, "report": {"vulnerabilities": 7}}]}
                        """).always();
        long id = connect("live-operator");

        var run = collect(id);

        assertThat(run.status()).as("an operator report is not an object of the inventory").isEqualTo(RunStatus.COMPLETE);
        assertThat(run.message()).contains("1 Trivy Operator vulnerability report stored as image scans, 1 unreadable");
        assertThat(images.whereIs("CVE-2024-45490", PageRequest.of(0, 10)).getContent())
                .filteredOn(found -> found.repository().equals("web")).singleElement()
                .satisfies(found -> assertThat(found.workloads()).as("the Deployment runs it").isEqualTo(1));
    }

    @Test
    void anExpiredContinueTokenRestartsTheList() {
        kubernetes.resource(deployment("api", false)).create();
        server.expect().get().withPath("/apis/apps/v1/deployments?limit=500")
                .andReturn(200, "{\"kind\":\"DeploymentList\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"continue\":\"page-2\"},"
                        + "\"items\":[" + kubernetes.getKubernetesSerialization().asJson(deployment("first-page", false)) + "]}").once();
        server.expect().get().withPath("/apis/apps/v1/deployments?continue=page-2&limit=500")
                .andReturn(410, new StatusBuilder().withCode(410).withReason("Expired").build()).once();
        long id = connect("live-5");

        var run = collect(id);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(inventory.workload("live-5", "shop", WorkloadKind.Deployment, "api")).isPresent();
        assertThat(requestedPaths()).filteredOn(path -> path.startsWith("/apis/apps/v1/deployments")).hasSize(3);
    }

    @Test
    void slowAnswersTimeOutAndAnUnreachableClusterFailsWithoutTouchingTheInventory() {
        kubernetes.resource(deployment("api", false)).create();
        long id = connect("live-6");
        assertThat(collect(id).status()).isEqualTo(RunStatus.COMPLETE);
        server.expect().get().delay(5, TimeUnit.SECONDS).withPath("/apis/batch/v1/cronjobs?limit=500")
                .andReturn(200, "{\"kind\":\"CronJobList\",\"items\":[]}").always();

        var slow = collect(id);

        assertThat(slow.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(runs.problems(slow.id())).singleElement().satisfies(problem -> assertThat(problem.location()).isEqualTo("CronJob"));

        as("admin", Roles.ADMIN, () -> connections.save(new ConnectionForm("live-6", "prod", ConnectionKind.TOKEN,
                "http://127.0.0.1:9", null, null, null, ClusterConnections.HOURLY)));
        var unreachable = collect(id);

        assertThat(unreachable.status()).isEqualTo(RunStatus.FAILED);
        assertThat(unreachable.message()).contains("0 of");
        assertThat(inventory.workload("live-6", "shop", WorkloadKind.Deployment, "api")).isPresent();
    }

    @Test
    void twoClustersAreCollectedSideBySideButOneClusterNeverTwiceAtOnce() {
        kubernetes.resource(deployment("api", false)).create();
        server.expect().get().delay(1, TimeUnit.SECONDS).withPath("/api/v1/namespaces?limit=500")
                .andReturn(200, "{\"kind\":\"NamespaceList\",\"items\":[]}").times(2);
        long a = connect("live-7a");
        long b = connect("live-7b");

        long runA = as("manager", Roles.SECURITY_MANAGER, () -> connections.collectNow(a));
        long runB = as("manager", Roles.SECURITY_MANAGER, () -> connections.collectNow(b));
        assertThatThrownBy(() -> as("manager", Roles.SECURITY_MANAGER, () -> connections.collectNow(a)))
                .hasMessageContaining("already running");
        assertThat(connections.running()).extracting(ConnectionViews.Progress::clusterName).contains("live-7a", "live-7b");

        assertThat(awaitRun(runA).status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(awaitRun(runB).status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(inventory.workload("live-7b", "shop", WorkloadKind.Deployment, "api")).isPresent();
    }

    @Test
    void aScheduledRunFires() {
        kubernetes.resource(deployment("api", false)).create();
        var started = Instant.now();
        as("admin", Roles.ADMIN, () -> connections.save(new ConnectionForm("live-8", "prod", ConnectionKind.TOKEN,
                server.url("/").replaceAll("/$", ""), null, TOKEN, null, "*/2 * * * * *")));

        var run = await(() -> latestRun("live-8").filter(summary -> summary.status() != RunStatus.RUNNING), Duration.ofSeconds(20));

        assertThat(run.startedAt()).isAfter(started);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        as("admin", Roles.ADMIN, () -> connections.save(new ConnectionForm("live-8", "prod", ConnectionKind.TOKEN,
                server.url("/").replaceAll("/$", ""), null, null, null, ClusterConnections.HOURLY)));
    }

    @Test
    void onlyAdministratorsManageConnectionsAndBadInputIsExplained() {
        assertThatThrownBy(() -> as("manager", Roles.SECURITY_MANAGER, () -> connections.save(new ConnectionForm("x", "prod",
                ConnectionKind.IN_CLUSTER, null, null, null, null, null)))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as("admin", Roles.ADMIN, () -> connections.save(new ConnectionForm("bad", "prod",
                ConnectionKind.TOKEN, "not a url", null, TOKEN, null, null)))).hasMessageContaining("API server URL");
        assertThatThrownBy(() -> as("admin", Roles.ADMIN, () -> connections.save(new ConnectionForm("bad", "prod",
                ConnectionKind.TOKEN, "https://k8s.example.com", null, TOKEN, null, "every hour")))).hasMessageContaining("cron");
        assertThatThrownBy(() -> as("viewer", Roles.VIEWER, () -> connections.collectNow(1)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private long connect(String cluster) {
        return as("admin", Roles.ADMIN, () -> connections.save(new ConnectionForm(cluster, "prod", ConnectionKind.TOKEN,
                server.url("/").replaceAll("/$", ""), null, TOKEN, null, ClusterConnections.HOURLY)));
    }

    private RunSummary collect(long connectionId) {
        return awaitRun(as("manager", Roles.SECURITY_MANAGER, () -> connections.collectNow(connectionId)));
    }

    private RunSummary awaitRun(long runId) {
        return await(() -> runs.page(PageRequest.of(0, 200)).getContent().stream()
                .filter(run -> run.id() == runId && run.status() != RunStatus.RUNNING).findFirst()
                .filter(run -> connections.running().stream().noneMatch(progress -> progress.runId() == runId)), Duration.ofSeconds(30));
    }

    private java.util.Optional<RunSummary> latestRun(String cluster) {
        return runs.page(PageRequest.of(0, 200)).getContent().stream().filter(run -> run.clusterName().equals(cluster)).findFirst();
    }

    private static <T> T await(java.util.function.Supplier<java.util.Optional<T>> probe, Duration limit) {
        var deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            var value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within " + limit);
    }

    /** The paths the collector asked for (the test's own writes to the mock server are POSTs and PUTs). */
    private List<String> requestedPaths() {
        return requests().stream().map(RecordedRequest::getPath).toList();
    }

    private List<RecordedRequest> requests() {
        var requests = new ArrayList<RecordedRequest>();
        int count = server.getRequestCount();
        for (int i = 0; i < count; i++) {
            try {
                var request = server.takeRequest(1, TimeUnit.SECONDS);
                if (request != null && request.getMethod().equals("GET")) {
                    requests.add(request);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return requests;
    }

    private static Node node(String name) {
        return new NodeBuilder().withNewMetadata().withName(name).addToLabels("node-role.kubernetes.io/worker", "").endMetadata()
                .withNewSpec().addNewTaint().withKey("dedicated").withValue("payments").withEffect("NoSchedule").endTaint().endSpec()
                .withNewStatus().withNewNodeInfo().withKubeletVersion("v1.31.4").withOsImage("Ubuntu 24.04.1 LTS")
                .withKernelVersion("6.8.0-51-generic").withContainerRuntimeVersion("containerd://1.7.24").withArchitecture("amd64")
                .endNodeInfo().addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewCondition().withType("DiskPressure").withStatus("False").endCondition().endStatus().build();
    }

    /** A Deployment's pod: owned by its ReplicaSet, with the digest its node runs in the status. */
    private static Pod runningPod(String name, String replicaSet, String templateHash) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("shop").addToLabels("pod-template-hash", templateHash)
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(replicaSet).withController(true)
                .withUid("uid-" + replicaSet).endOwnerReference().endMetadata()
                .withNewSpec().addNewContainer().withName("api").withImage("registry.example/api:1").endContainer().endSpec()
                .withNewStatus().addNewContainerStatus().withName("api").withImage("registry.example/api:1")
                .withImageID("registry.example/api@sha256:" + "a".repeat(64)).endContainerStatus().endStatus().build();
    }

    private static Secret secret(String name) {
        // kubectl apply leaves the whole object, values included, in the last-applied annotation
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace("shop").addToLabels("app", "last-run-marker")
                .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration",
                        "{\"stringData\":{\"password\":\"secret-value-from-the-api\"}}")
                .endMetadata().addToStringData("password", "secret-value-from-the-api").build();
    }

    private static io.fabric8.kubernetes.api.model.apps.Deployment deployment(String name, boolean privileged) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName(name).withImage("registry.example/" + name + ":1")
                .withNewSecurityContext().withPrivileged(privileged).endSecurityContext().endContainer().endSpec().endTemplate().endSpec()
                .build();
    }
}
