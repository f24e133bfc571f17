package io.posture.benchmark.internal;

import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.ClusterSubject;
import io.posture.benchmark.ClusterSubject.ObjectRef;
import io.posture.shared.SafeYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cluster-wide rule (CIS Kubernetes section 5), each with a cluster that passes and one
 * that fails, and the resource the failure is reported on.
 */
class ClusterRulesTest {

    private static final String ROLE = "[{kind: Role, namespace: shop, name: r, body: {rules: [%s]}}]";
    private static final String CLUSTER_ROLE = "[{kind: ClusterRole, namespace: '', name: cr, body: {rules: [%s]}}]";

    record Case(String rule, String objects, Map<String, Map<String, String>> namespaces, boolean passes,
                String failingResource) {
        @Override
        public String toString() {
            return rule + (passes ? " passes " : " fails ") + objects;
        }
    }

    static Case pass(String rule, String objects) {
        return new Case(rule, objects, Map.of("shop", Map.of()), true, null);
    }

    static Case fail(String rule, String objects, String failingResource) {
        return new Case(rule, objects, Map.of("shop", Map.of()), false, failingResource);
    }

    static Stream<Case> cases() {
        return Stream.of(
                pass("rbac.clusterAdminBindings", "[{kind: ClusterRoleBinding, namespace: '', name: ops, body: {roleRef: {kind: ClusterRole, name: cluster-admin}, subjects: [{kind: Group, name: 'system:masters'}]}}]"),
                fail("rbac.clusterAdminBindings", "[{kind: ClusterRoleBinding, namespace: '', name: ops, body: {roleRef: {kind: ClusterRole, name: cluster-admin}, subjects: [{kind: User, name: alice}]}}]",
                        "ClusterRoleBinding ops"),
                pass("rbac.secretsAccess", ROLE.formatted("{apiGroups: [''], resources: [configmaps], verbs: [get]}")),
                fail("rbac.secretsAccess", ROLE.formatted("{apiGroups: [''], resources: [secrets], verbs: [list]}"), "Role shop/r"),
                fail("rbac.secretsAccess", CLUSTER_ROLE.formatted("{apiGroups: ['*'], resources: ['*'], verbs: ['*']}"), "ClusterRole cr"),
                pass("rbac.wildcards", ROLE.formatted("{apiGroups: [apps], resources: [deployments], verbs: [get, list]}")),
                fail("rbac.wildcards", ROLE.formatted("{apiGroups: [apps], resources: ['*'], verbs: [get]}"), "Role shop/r"),
                pass("rbac.podCreate", ROLE.formatted("{apiGroups: [''], resources: [pods], verbs: [get, list]}")),
                fail("rbac.podCreate", ROLE.formatted("{apiGroups: [''], resources: [pods], verbs: [create]}"), "Role shop/r"),
                pass("rbac.defaultServiceAccount", "[{kind: ServiceAccount, namespace: shop, name: default, body: {automountServiceAccountToken: false}}]"),
                fail("rbac.defaultServiceAccount", "[{kind: ServiceAccount, namespace: shop, name: default, body: {}}]", "ServiceAccount shop/default"),
                fail("rbac.defaultServiceAccount", "[{kind: ServiceAccount, namespace: shop, name: default, body: {automountServiceAccountToken: false}},"
                        + "{kind: RoleBinding, namespace: shop, name: b, body: {roleRef: {kind: Role, name: r}, subjects: [{kind: ServiceAccount, name: default, namespace: shop}]}}]",
                        "ServiceAccount shop/default"),
                pass("rbac.systemMasters", "[{kind: ClusterRoleBinding, namespace: '', name: b, body: {roleRef: {kind: ClusterRole, name: view}, subjects: [{kind: Group, name: devs}]}}]"),
                fail("rbac.systemMasters", "[{kind: ClusterRoleBinding, namespace: '', name: b, body: {roleRef: {kind: ClusterRole, name: view}, subjects: [{kind: Group, name: 'system:masters'}]}}]",
                        "ClusterRoleBinding b"),
                pass("rbac.escalationVerbs", ROLE.formatted("{apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [get]}")),
                fail("rbac.escalationVerbs", ROLE.formatted("{apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [escalate]}"), "Role shop/r"),
                pass("rbac.persistentVolumeCreate", CLUSTER_ROLE.formatted("{apiGroups: [''], resources: [persistentvolumes], verbs: [get]}")),
                fail("rbac.persistentVolumeCreate", CLUSTER_ROLE.formatted("{apiGroups: [''], resources: [persistentvolumes], verbs: [create]}"), "ClusterRole cr"),
                pass("rbac.podExec", ROLE.formatted("{apiGroups: [''], resources: [pods, pods/log], verbs: [get, list, create]}")),
                fail("rbac.podExec", ROLE.formatted("{apiGroups: [''], resources: [pods/exec], verbs: [create]}"), "Role shop/r"),
                fail("rbac.podExec", ROLE.formatted("{apiGroups: [''], resources: [pods/exec], verbs: [get]}"), "Role shop/r"),
                fail("rbac.podExec", ROLE.formatted("{apiGroups: [''], resources: [pods/attach], verbs: ['*']}"), "Role shop/r"),
                fail("rbac.podExec", CLUSTER_ROLE.formatted("{apiGroups: [''], resources: [pods/portforward], verbs: [create]}"), "ClusterRole cr"),
                fail("rbac.podExec", CLUSTER_ROLE.formatted("{apiGroups: ['*'], resources: ['*'], verbs: ['*']}"), "ClusterRole cr"),
                pass("rbac.podExec", ROLE.formatted("{apiGroups: [apps], resources: [pods/exec], verbs: [create]}")),
                pass("rbac.nodeProxy", CLUSTER_ROLE.formatted("{apiGroups: [''], resources: [nodes], verbs: [get]}")),
                fail("rbac.nodeProxy", CLUSTER_ROLE.formatted("{apiGroups: [''], resources: [nodes/proxy], verbs: [get]}"), "ClusterRole cr"),
                pass("rbac.csrApproval", CLUSTER_ROLE.formatted("{apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests], verbs: [create]}")),
                fail("rbac.csrApproval", CLUSTER_ROLE.formatted("{apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}"), "ClusterRole cr"),
                pass("rbac.webhookConfigurations", CLUSTER_ROLE.formatted("{apiGroups: [admissionregistration.k8s.io], resources: [validatingwebhookconfigurations], verbs: [list]}")),
                fail("rbac.webhookConfigurations", CLUSTER_ROLE.formatted("{apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: [patch]}"), "ClusterRole cr"),
                pass("rbac.tokenCreate", ROLE.formatted("{apiGroups: [''], resources: [serviceaccounts], verbs: [create]}")),
                fail("rbac.tokenCreate", ROLE.formatted("{apiGroups: [''], resources: [serviceaccounts/token], verbs: [create]}"), "Role shop/r"),
                new Case("namespace.policyControl", "[]", Map.of("shop", Map.of("pod-security.kubernetes.io/enforce", "restricted")), true, null),
                new Case("namespace.policyControl", "[{kind: ValidatingWebhookConfiguration, namespace: '', name: gatekeeper-validating-webhook-configuration, body: {}}]",
                        Map.of("shop", Map.of()), true, null),
                new Case("namespace.policyControl", "[]", Map.of("shop", Map.of("pod-security.kubernetes.io/enforce", "privileged")), false, "Namespace shop"),
                pass("namespace.networkPolicy", "[{kind: NetworkPolicy, namespace: shop, name: default-deny, body: {}}]"),
                fail("namespace.networkPolicy", "[{kind: NetworkPolicy, namespace: other, name: default-deny, body: {}}]", "Namespace shop"),
                pass("namespace.defaultDenyNetworkPolicy", "[{kind: NetworkPolicy, namespace: shop, name: default-deny-all, body: {spec: {podSelector: {}, policyTypes: [Ingress, Egress]}}}]"),
                fail("namespace.defaultDenyNetworkPolicy", "[{kind: NetworkPolicy, namespace: shop, name: default-deny-ingress, body: {spec: {podSelector: {}, policyTypes: [Ingress]}}}]", "Namespace shop"),
                fail("namespace.defaultDenyNetworkPolicy", "[{kind: NetworkPolicy, namespace: shop, name: ingress-only-by-default, body: {spec: {podSelector: {}}}}]", "Namespace shop"),
                fail("namespace.defaultDenyNetworkPolicy", "[{kind: NetworkPolicy, namespace: shop, name: allow-all-ingress, body: {spec: {podSelector: {}, ingress: [{}], policyTypes: [Ingress, Egress]}}}]", "Namespace shop"),
                fail("namespace.defaultDenyNetworkPolicy", "[{kind: NetworkPolicy, namespace: shop, name: selects-some, body: {spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress, Egress]}}}]", "Namespace shop"),
                fail("namespace.defaultDenyNetworkPolicy", "[{kind: NetworkPolicy, namespace: shop, name: wrong-type-selector, body: {spec: {podSelector: x, policyTypes: [Ingress, Egress]}}}]", "Namespace shop"),
                fail("namespace.defaultDenyNetworkPolicy", "[{kind: NetworkPolicy, namespace: shop, name: wrong-type-types, body: {spec: {podSelector: {}, policyTypes: 'Ingress,Egress'}}}]", "Namespace shop"),
                fail("namespace.defaultDenyNetworkPolicy", "[{kind: NetworkPolicy, namespace: shop, name: wrong-type-rules, body: {spec: {podSelector: {}, ingress: x, egress: x, policyTypes: [Ingress, Egress]}}}]", "Namespace shop"),
                fail("namespace.defaultDenyNetworkPolicy", "[{kind: NetworkPolicy, namespace: shop, name: wrong-type-labels, body: {spec: {podSelector: {matchLabels: x}, policyTypes: [Ingress, Egress]}}}]", "Namespace shop"),
                pass("namespace.defaultDenyNetworkPolicy", "[{kind: NetworkPolicy, namespace: shop, name: deny-ingress, body: {spec: {podSelector: {}, policyTypes: [Ingress]}}},"
                        + "{kind: NetworkPolicy, namespace: shop, name: deny-egress, body: {spec: {podSelector: {}, policyTypes: [Egress]}}}]"),
                new Case("namespace.defaultUnused", "[{kind: Service, namespace: default, name: kubernetes, body: null}]",
                        Map.of("default", Map.of()), true, null),
                new Case("namespace.defaultUnused", "[{kind: Deployment, namespace: default, name: legacy, body: null}]",
                        Map.of("default", Map.of()), false, "Namespace default"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(Case testCase) {
        var verdicts = RuleRegistry.clusterRule(testCase.rule()).evaluate(subject(testCase.objects(), testCase.namespaces()));

        if (testCase.passes()) {
            assertThat(verdicts).allSatisfy(verdict -> {
                assertThat(verdict.result().passed()).isTrue();
                assertThat(verdict.result().evidence()).isNotEmpty();
            });
        } else {
            assertThat(verdicts).filteredOn(verdict -> !verdict.result().passed())
                    .extracting(verdict -> verdict.kind() + " " + (verdict.namespace().isEmpty() ? "" : verdict.namespace() + "/") + verdict.name())
                    .containsExactly(testCase.failingResource());
            assertThat(verdicts).filteredOn(verdict -> !verdict.result().passed())
                    .allSatisfy(verdict -> assertThat(verdict.result().violations()).allSatisfy(
                            evidence -> assertThat(evidence.observed()).isNotBlank()));
        }
    }

    @Test
    void kubernetesDefaultsAreLeftOut() {
        var verdicts = RuleRegistry.clusterRule("rbac.wildcards").evaluate(subject("""
                [{kind: ClusterRole, namespace: '', name: cluster-admin,
                  body: {metadata: {labels: {kubernetes.io/bootstrapping: rbac-defaults}}, rules: [{apiGroups: ['*'], resources: ['*'], verbs: ['*']}]}},
                 {kind: ClusterRole, namespace: '', name: 'system:controller:foo', body: {rules: [{apiGroups: ['*'], resources: ['*'], verbs: ['*']}]}}]""",
                Map.of()));
        assertThat(verdicts).isEmpty();
    }

    /** Each rule that a built-in benchmark uses has a passing and a failing case here or in the pod rule tables. */
    @Test
    void everyAutomatedControlHasBothOutcomesTested() {
        var tested = new HashSet<String>();
        Stream.of(cases().map(c -> c.rule() + (c.passes() ? "+" : "-")),
                WorkloadRulesTest.cases().map(c -> c.rule() + (c.passes() ? "+" : "-")),
                PodSecurityRulesTest.cases().map(c -> c.rule() + (c.passes() ? "+" : "-")),
                ImageRulesTest.cases().map(c -> c.rule() + (c.passes() ? "+" : "-"))).flatMap(s -> s).forEach(tested::add);
        var rules = new BenchmarkCatalog().all().stream().flatMap(b -> b.controls())
                .filter(control -> control.rule() != null).map(control -> control.rule()).distinct().toList();
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(tested).contains(rule + "+", rule + "-"));
    }

    private static ClusterSubject subject(String objectsYaml, Map<String, Map<String, String>> namespaces) {
        var objects = new ArrayList<ObjectRef>();
        for (var node : SafeYaml.readAll(new StringReader(objectsYaml), 100_000).getFirst()) {
            var body = node.path("body");
            objects.add(new ObjectRef(node.path("kind").asString(), node.path("namespace").asString(), node.path("name").asString(),
                    body.isNull() || body.isMissingNode() ? null : body));
        }
        return new ClusterSubject("c1", namespaces, List.copyOf(objects), Set.of());
    }
}
