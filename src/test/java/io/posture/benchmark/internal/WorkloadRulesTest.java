package io.posture.benchmark.internal;

import io.posture.benchmark.PodSubject;
import io.posture.benchmark.PolicyVersion;
import io.posture.shared.SafeYaml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.StringReader;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pod rule beyond the Pod Security Standards, with a passing and a failing pod each. */
class WorkloadRulesTest {

    record Case(String rule, Map<String, Object> parameters, String podSpec, String labels, boolean passes,
                String evidencePath) {
        @Override
        public String toString() {
            return rule + (passes ? " passes " : " fails ") + podSpec;
        }
    }

    static Case pass(String rule, String podSpec) {
        return new Case(rule, Map.of(), podSpec, "{}", true, null);
    }

    static Case fail(String rule, String podSpec, String evidencePath) {
        return new Case(rule, Map.of(), podSpec, "{}", false, evidencePath);
    }

    static Stream<Case> cases() {
        return Stream.of(
                pass("pod.hostNetwork", "{containers: [{name: a}]}"),
                fail("pod.hostNetwork", "{hostNetwork: true, containers: [{name: a}]}", "spec.hostNetwork"),
                pass("pod.hostPID", "{hostPID: false, containers: [{name: a}]}"),
                fail("pod.hostPID", "{hostPID: true, containers: [{name: a}]}", "spec.hostPID"),
                pass("pod.hostIPC", "{containers: [{name: a}]}"),
                fail("pod.hostIPC", "{hostIPC: true, containers: [{name: a}]}", "spec.hostIPC"),
                pass("pod.netRawDropped", "{containers: [{name: a, securityContext: {capabilities: {drop: [ALL]}}}]}"),
                pass("pod.netRawDropped", "{containers: [{name: a, securityContext: {capabilities: {drop: [CAP_NET_RAW]}}}]}"),
                fail("pod.netRawDropped", "{containers: [{name: a}]}", "spec.containers[name=a].securityContext.capabilities.drop"),
                fail("pod.netRawDropped", "{containers: [{name: a, securityContext: {capabilities: {drop: [ALL], add: [NET_RAW]}}}]}",
                        "spec.containers[name=a].securityContext.capabilities.add"),
                pass("pod.credentialLiterals", "{containers: [{name: a, env: [{name: MODE, value: production}, {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: p}}}]}]}"),
                pass("pod.credentialLiterals", "{containers: [{name: a, env: [{name: DB_PASSWORD_FILE, value: /run/secrets/db}, {name: TOKEN_URL, value: 'https://id.example.com/token'}]}]}"),
                pass("pod.credentialLiterals", "{containers: [{name: a, env: [{name: API_TOKEN, value: ''}, {name: APP_SECRET, value: '$(SHARED_SECRET)'}]}]}"),
                fail("pod.credentialLiterals", "{containers: [{name: a, env: [{name: DB_PASSWORD, value: hunter2}]}]}", "spec.containers[name=a].env[name=DB_PASSWORD].value"),
                fail("pod.credentialLiterals", "{containers: [{name: a, env: [{name: github_token, value: ghp_x}]}]}", "spec.containers[name=a].env[name=github_token].value"),
                fail("pod.credentialLiterals", "{containers: [{name: a, env: [{name: STRIPE_API_KEY, value: sk_live_x}]}]}", "spec.containers[name=a].env[name=STRIPE_API_KEY].value"),
                fail("pod.credentialLiterals", "{containers: [{name: a, env: [{name: AWS_ACCESS_KEY_ID, value: AKIAX}]}]}", "spec.containers[name=a].env[name=AWS_ACCESS_KEY_ID].value"),
                fail("pod.credentialLiterals", "{containers: [{name: a}], initContainers: [{name: init, env: [{name: OAUTH_CLIENT_SECRET, value: s}]}]}",
                        "spec.initContainers[name=init].env[name=OAUTH_CLIENT_SECRET].value"),
                fail("pod.credentialLiterals", "{containers: [{name: a}], ephemeralContainers: [{name: debug, env: [{name: SIGNING_KEY, value: k}]}]}",
                        "spec.ephemeralContainers[name=debug].env[name=SIGNING_KEY].value"),
                pass("pod.secretsAsEnvironment", "{containers: [{name: a, env: [{name: MODE, valueFrom: {configMapKeyRef: {name: c, key: k}}}]}]}"),
                fail("pod.secretsAsEnvironment", "{containers: [{name: a, env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]}]}",
                        "spec.containers[name=a].env[name=DB_PASSWORD].valueFrom.secretKeyRef"),
                fail("pod.secretsAsEnvironment", "{containers: [{name: a, envFrom: [{secretRef: {name: db}}]}]}",
                        "spec.containers[name=a].envFrom[*].secretRef"),
                pass("pod.serviceAccountTokenMounted", "{automountServiceAccountToken: false, containers: [{name: a}]}"),
                fail("pod.serviceAccountTokenMounted", "{containers: [{name: a}]}", "spec.automountServiceAccountToken"),
                pass("pod.defaultServiceAccount", "{serviceAccountName: api, containers: [{name: a}]}"),
                fail("pod.defaultServiceAccount", "{containers: [{name: a}]}", "spec.serviceAccountName"),
                fail("pod.defaultServiceAccount", "{serviceAccountName: default, containers: [{name: a}]}", "spec.serviceAccountName"),
                pass("pod.securityContextApplied", "{securityContext: {runAsNonRoot: true}, containers: [{name: a}]}"),
                pass("pod.securityContextApplied", "{containers: [{name: a, securityContext: {readOnlyRootFilesystem: true}}]}"),
                fail("pod.securityContextApplied", "{containers: [{name: a}, {name: b, securityContext: {privileged: false}}]}",
                        "spec.containers[name=a].securityContext"),
                pass("pod.sensitiveHostPaths", "{volumes: [{name: logs, hostPath: {path: /var/log}}], containers: [{name: a}]}"),
                fail("pod.sensitiveHostPaths", "{volumes: [{name: etc, hostPath: {path: /etc/kubernetes/}}], containers: [{name: a}]}",
                        "spec.volumes[name=etc].hostPath.path"),
                fail("pod.sensitiveHostPaths", "{volumes: [{name: root, hostPath: {path: /}}], containers: [{name: a}]}",
                        "spec.volumes[name=root].hostPath.path"),
                pass("pod.runtimeSocketMounted", "{volumes: [{name: tmp, emptyDir: {}}], containers: [{name: a}]}"),
                fail("pod.runtimeSocketMounted", "{volumes: [{name: sock, hostPath: {path: /var/run/docker.sock}}], containers: [{name: a}]}",
                        "spec.volumes[name=sock].hostPath.path"),
                fail("pod.runtimeSocketMounted", "{volumes: [{name: sock, hostPath: {path: /run/containerd/containerd.sock}}], containers: [{name: a}]}",
                        "spec.volumes[name=sock].hostPath.path"),
                pass("pod.readOnlyRootFilesystem", "{containers: [{name: a, securityContext: {readOnlyRootFilesystem: true}}]}"),
                fail("pod.readOnlyRootFilesystem", "{containers: [{name: a, securityContext: {readOnlyRootFilesystem: false}}]}",
                        "spec.containers[name=a].securityContext.readOnlyRootFilesystem"),
                pass("pod.memoryLimits", "{containers: [{name: a, resources: {limits: {memory: 256Mi}}}]}"),
                fail("pod.memoryLimits", "{containers: [{name: a, resources: {requests: {memory: 256Mi}}}]}",
                        "spec.containers[name=a].resources.limits.memory"),
                pass("pod.cpuShares", "{containers: [{name: a, resources: {requests: {cpu: 100m}}}]}"),
                fail("pod.cpuShares", "{initContainers: [{name: init}], containers: [{name: a, resources: {requests: {cpu: 1}}}]}",
                        "spec.initContainers[name=init].resources.requests.cpu"),
                pass("image.latestTag", "{containers: [{name: a, image: 'nginx:1.27'}, {name: b, image: 'nginx@sha256:abc'}]}"),
                fail("image.latestTag", "{containers: [{name: a, image: nginx}]}", "spec.containers[name=a].image"),
                fail("image.latestTag", "{containers: [{name: a, image: 'registry.example.com:5000/team/app:latest'}]}",
                        "spec.containers[name=a].image"),
                new Case("image.allowedRegistries", Map.of("registries", java.util.List.of("registry.example.com")),
                        "{containers: [{name: a, image: 'registry.example.com/shop/api:1.2'}]}", "{}", true, null),
                new Case("image.allowedRegistries", Map.of("registries", java.util.List.of("registry.example.com")),
                        "{containers: [{name: a, image: 'nginx:1.27'}]}", "{}", false, "spec.containers[name=a].image"),
                new Case("metadata.requiredLabels", Map.of("labels", java.util.List.of("team", "app.kubernetes.io/name")),
                        "{containers: [{name: a}]}", "{team: shop, app.kubernetes.io/name: api}", true, null),
                new Case("metadata.requiredLabels", Map.of("labels", java.util.List.of("team", "app.kubernetes.io/name")),
                        "{containers: [{name: a}]}", "{team: shop}", false, "metadata.labels['app.kubernetes.io/name']"));
    }

    @ParameterizedTest(name = "pod {0}, ServiceAccount {1}: passes {2}")
    @CsvSource(nullValues = "unset", value = {
            "unset, false, true", "unset, true, false", "unset, unset, false",
            "true, false, false", "false, true, true", "false, unset, true"})
    void aPodLeavingTheTokenSettingUnsetFollowsItsServiceAccount(String pod, Boolean account, boolean passes) {
        var spec = SafeYaml.readAll(new StringReader(pod == null ? "{containers: [{name: a}]}"
                : "{automountServiceAccountToken: " + pod + ", containers: [{name: a}]}"), 10_000).getFirst();
        var view = new PodView(new PodSubject("Deployment", "shop", "api", JsonNodeFactory.instance.objectNode(), spec,
                "spec.template.spec", "spec.template.metadata", null, account));

        var result = RuleRegistry.podRule("pod.serviceAccountTokenMounted", Map.of()).evaluate(view, PolicyVersion.parse("v1.37"));

        assertThat(result.passed()).isEqualTo(passes);
        var observed = passes ? result.evidence().getFirst().observed() : result.violations().getFirst().observed();
        if (pod == null && Boolean.FALSE.equals(account)) {
            assertThat(observed).contains("ServiceAccount default sets false");
        }
    }

    @org.junit.jupiter.api.Test
    void aLiteralCredentialIsNamedNeverShown() {
        var spec = SafeYaml.readAll(new StringReader("{containers: [{name: a, env: [{name: DB_PASSWORD, value: hunter2-literal}]}]}"),
                10_000).getFirst();
        var pod = new PodView(new PodSubject("Deployment", "shop", "api", JsonNodeFactory.instance.objectNode(), spec, "spec",
                "metadata", null));

        var result = RuleRegistry.podRule("pod.credentialLiterals", Map.of()).evaluate(pod, PolicyVersion.parse("v1.37"));

        assertThat(result.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.observed()).contains("15 characters").doesNotContain("hunter2");
            assertThat(violation.path()).doesNotContain("hunter2");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(Case testCase) {
        var spec = SafeYaml.readAll(new StringReader(testCase.podSpec()), 10_000).getFirst();
        var metadata = JsonNodeFactory.instance.objectNode();
        metadata.set("labels", SafeYaml.readAll(new StringReader(testCase.labels()), 10_000).getFirst());
        var pod = new PodView(new PodSubject("Deployment", "shop", "api", metadata, spec, "spec", "metadata", null));

        var result = RuleRegistry.podRule(testCase.rule(), testCase.parameters()).evaluate(pod, PolicyVersion.parse("v1.37"));

        assertThat(result.passed()).as("passed").isEqualTo(testCase.passes());
        if (testCase.passes()) {
            assertThat(result.evidence()).singleElement().satisfies(evidence -> assertThat(evidence.path()).isNotBlank());
        } else {
            assertThat(result.violations()).extracting(v -> v.path()).contains(testCase.evidencePath());
            assertThat(result.violations()).allSatisfy(v -> assertThat(v.observed()).isNotBlank());
        }
    }
}
