package io.posture.benchmark.internal;

import io.posture.benchmark.ClusterSubject;
import io.posture.benchmark.ClusterSubject.ObjectRef;
import io.posture.benchmark.Evidence;
import io.posture.benchmark.internal.ClusterRule.Verdict;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.posture.benchmark.internal.PodView.text;

/**
 * CIS Kubernetes section 5 checks that need more than one pod: RBAC roles and bindings, service
 * accounts, namespaces and their network policies, admission webhooks. Kubernetes' own defaults
 * (names starting with {@code system:}, objects labelled {@code kubernetes.io/bootstrapping:
 * rbac-defaults}) are left out: an operator cannot change them and every cluster has them.
 */
final class ClusterRules {

    static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");
    private static final Set<String> POLICY_ENGINES = Set.of("gatekeeper", "kyverno", "kubewarden", "jspolicy");
    private static final Set<String> DEFAULT_NAMESPACE_ALLOWED = Set.of("Service/kubernetes", "ServiceAccount/default",
            "ConfigMap/kube-root-ca.crt");
    private static final int MAX_EVIDENCE = 20;
    private static final List<String> BINDINGS = List.of("RoleBinding", "ClusterRoleBinding");
    private static final List<String> ROLES = List.of("Role", "ClusterRole");

    private ClusterRules() {
    }

    /** A permission as RBAC grants it: verbs on a resource (or subresource) of an API group. */
    private record Permission(String apiGroup, String resource, Set<String> verbs) {
    }

    static Map<String, ClusterRule> rules() {
        return Map.ofEntries(
                Map.entry("rbac.clusterAdminBindings", ClusterRule.of("no binding grants cluster-admin outside Kubernetes' defaults", BINDINGS,
                        ClusterRules::clusterAdminBindings)),
                Map.entry("rbac.secretsAccess", roleRule(new Permission("", "secrets", Set.of("get", "list", "watch")))),
                Map.entry("rbac.wildcards", ClusterRule.of("no role uses wildcards", ROLES, ClusterRules::wildcards)),
                Map.entry("rbac.podCreate", roleRule(new Permission("", "pods", Set.of("create")))),
                Map.entry("rbac.defaultServiceAccount", ClusterRule.of("no default service account found",
                        List.of("ServiceAccount", "RoleBinding", "ClusterRoleBinding"),
                        ClusterRules::defaultServiceAccounts)),
                Map.entry("rbac.systemMasters", ClusterRule.of("no binding names the system:masters group", BINDINGS,
                        ClusterRules::systemMasters)),
                Map.entry("rbac.escalationVerbs", ClusterRule.of("no role grants bind, impersonate or escalate", ROLES,
                        cluster -> roleVerdicts(cluster, rule -> escalation(rule)))),
                Map.entry("rbac.persistentVolumeCreate", roleRule(new Permission("", "persistentvolumes", Set.of("create")))),
                Map.entry("rbac.nodeProxy", roleRule(new Permission("", "nodes/proxy", Set.of("get", "create", "*")))),
                Map.entry("rbac.csrApproval", roleRule(new Permission("certificates.k8s.io",
                        "certificatesigningrequests/approval", Set.of("update", "patch")))),
                Map.entry("rbac.webhookConfigurations", ClusterRule.of("no role may change webhook configurations", ROLES,
                        cluster -> roleVerdicts(cluster, rule -> firstGranted(rule, List.of(
                                new Permission("admissionregistration.k8s.io", "validatingwebhookconfigurations",
                                        Set.of("create", "update", "patch", "delete")),
                                new Permission("admissionregistration.k8s.io", "mutatingwebhookconfigurations",
                                        Set.of("create", "update", "patch", "delete"))))))),
                Map.entry("rbac.tokenCreate", roleRule(new Permission("", "serviceaccounts/token", Set.of("create")))),
                // get as well as create: kubectl's WebSocket streams (Kubernetes 1.30 and later) open exec and attach with GET
                Map.entry("rbac.podExec", ClusterRule.of("no role grants exec, attach or port-forward into pods", ROLES,
                        cluster -> roleVerdicts(cluster, rule -> firstGranted(rule, List.of(
                                new Permission("", "pods/exec", Set.of("create", "get")),
                                new Permission("", "pods/attach", Set.of("create", "get")),
                                new Permission("", "pods/portforward", Set.of("create", "get"))))))),
                Map.entry("namespace.policyControl", ClusterRule.of("no namespace outside the system ones",
                        List.of("Namespace", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"), ClusterRules::policyControl)),
                Map.entry("namespace.networkPolicy", ClusterRule.of("no namespace outside the system ones",
                        List.of("Namespace", "NetworkPolicy"), ClusterRules::networkPolicies)),
                Map.entry("namespace.defaultDenyNetworkPolicy", ClusterRule.of("no namespace outside the system ones",
                        List.of("Namespace", "NetworkPolicy"), ClusterRules::defaultDeny)),
                Map.entry("namespace.defaultUnused", ClusterRule.of("the default namespace was not seen",
                        List.of("Namespace", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "Service",
                                "ServiceAccount", "ConfigMap", "Secret", "Role", "RoleBinding"), ClusterRules::defaultNamespace)));
    }

    private static ClusterRule roleRule(Permission permission) {
        return ClusterRule.of("no role grants " + String.join("/", permission.verbs()) + " on " + permission.resource(), ROLES,
                cluster -> roleVerdicts(cluster, rule -> firstGranted(rule, List.of(permission))));
    }

    /** One verdict per non-default role: the rules that grant too much, or a pass. */
    private static List<Verdict> roleVerdicts(ClusterSubject cluster, java.util.function.Function<JsonNode, String> violation) {
        var verdicts = new ArrayList<Verdict>();
        for (var role : cluster.ofKind("Role", "ClusterRole")) {
            if (isKubernetesDefault(role) || role.body() == null) {
                continue;
            }
            var violations = new ArrayList<Evidence>();
            int index = 0;
            for (var rule : role.body().path("rules")) {
                var granted = violation.apply(rule);
                if (granted != null) {
                    violations.add(new Evidence("rules[" + index + "]", granted));
                }
                index++;
            }
            verdicts.add(new Verdict(role.kind(), role.namespace(), role.name(),
                    RuleResult.of(violations, "rules", "grants none of it")));
        }
        return verdicts;
    }

    private static String firstGranted(JsonNode rule, List<Permission> permissions) {
        for (var permission : permissions) {
            if (grants(rule, permission)) {
                return describe(rule);
            }
        }
        return null;
    }

    static boolean grants(JsonNode rule, Permission permission) {
        return matches(rule.path("apiGroups"), permission.apiGroup())
                && matches(rule.path("resources"), permission.resource())
                && permission.verbs().stream().anyMatch(verb -> matches(rule.path("verbs"), verb));
    }

    private static boolean matches(JsonNode granted, String wanted) {
        for (var value : granted) {
            var text = text(value);
            if ("*".equals(text) || wanted.equals(text)) {
                return true;
            }
            // "*/proxy" style subresource wildcards
            if (text != null && wanted.contains("/") && text.equals("*/" + wanted.substring(wanted.indexOf('/') + 1))) {
                return true;
            }
        }
        return false;
    }

    private static List<Verdict> wildcards(ClusterSubject cluster) {
        return roleVerdicts(cluster, rule -> {
            for (var field : List.of("apiGroups", "resources", "verbs")) {
                for (var value : rule.path(field)) {
                    if ("*".equals(text(value))) {
                        return describe(rule);
                    }
                }
            }
            return null;
        });
    }

    private static String escalation(JsonNode rule) {
        for (var value : rule.path("verbs")) {
            var verb = text(value);
            if ("bind".equals(verb) || "impersonate".equals(verb) || "escalate".equals(verb) || "*".equals(verb)) {
                return describe(rule);
            }
        }
        return null;
    }

    private static String describe(JsonNode rule) {
        return "verbs " + list(rule.path("verbs")) + " on " + list(rule.path("resources"))
                + " in API groups " + list(rule.path("apiGroups"));
    }

    private static String list(JsonNode values) {
        var items = new ArrayList<String>();
        values.forEach(value -> items.add(text(value) == null ? "" : text(value).isEmpty() ? "\"\" (core)" : text(value)));
        return items.isEmpty() ? "[]" : "[" + String.join(", ", items) + "]";
    }

    private static List<Verdict> clusterAdminBindings(ClusterSubject cluster) {
        var verdicts = new ArrayList<Verdict>();
        for (var binding : cluster.ofKind("ClusterRoleBinding", "RoleBinding")) {
            var roleRef = binding.body() == null ? null : binding.body().path("roleRef");
            if (roleRef == null || isKubernetesDefault(binding) || !"cluster-admin".equals(text(roleRef.path("name")))
                    || !"ClusterRole".equals(text(roleRef.path("kind")))) {
                continue;
            }
            var violations = subjects(binding, subject -> !isSystemSubject(subject));
            verdicts.add(new Verdict(binding.kind(), binding.namespace(), binding.name(),
                    RuleResult.of(violations, "subjects", "only Kubernetes' own system subjects")));
        }
        return verdicts;
    }

    private static List<Verdict> systemMasters(ClusterSubject cluster) {
        var verdicts = new ArrayList<Verdict>();
        for (var binding : cluster.ofKind("ClusterRoleBinding", "RoleBinding")) {
            if (binding.body() == null || isKubernetesDefault(binding)) {
                continue;
            }
            var violations = subjects(binding, subject -> "Group".equals(text(subject.path("kind")))
                    && "system:masters".equals(text(subject.path("name"))));
            if (!violations.isEmpty()) {
                verdicts.add(new Verdict(binding.kind(), binding.namespace(), binding.name(),
                        RuleResult.of(violations, "subjects", "")));
            }
        }
        return verdicts;
    }

    private static List<Verdict> defaultServiceAccounts(ClusterSubject cluster) {
        var verdicts = new ArrayList<Verdict>();
        var bindings = cluster.ofKind("ClusterRoleBinding", "RoleBinding");
        for (var account : cluster.ofKind("ServiceAccount")) {
            if (!"default".equals(account.name())) {
                continue;
            }
            var violations = new ArrayList<Evidence>();
            var automount = account.body() == null ? null : account.body().path("automountServiceAccountToken");
            if (automount == null || !PodView.isFalse(automount)) {
                violations.add(new Evidence("automountServiceAccountToken", PodView.render(automount)));
            }
            for (var binding : bindings) {
                if (binding.body() != null && !isKubernetesDefault(binding)) {
                    subjects(binding, subject -> "ServiceAccount".equals(text(subject.path("kind")))
                            && "default".equals(text(subject.path("name")))
                            && account.namespace().equals(text(subject.path("namespace")))).forEach(subject ->
                            violations.add(new Evidence(binding.kind() + " " + binding.name() + " subjects", "binds it")));
                }
            }
            verdicts.add(new Verdict("ServiceAccount", account.namespace(), account.name(),
                    RuleResult.of(violations, "automountServiceAccountToken", "false, and no binding grants it rights")));
        }
        return verdicts;
    }

    private static List<Verdict> policyControl(ClusterSubject cluster) {
        var engines = cluster.ofKind("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration").stream()
                .filter(webhook -> POLICY_ENGINES.stream().anyMatch(engine -> webhook.name().toLowerCase().contains(engine)))
                .map(ObjectRef::name).toList();
        var verdicts = new ArrayList<Verdict>();
        cluster.namespaceLabels().forEach((namespace, labels) -> {
            if (SYSTEM_NAMESPACES.contains(namespace)) {
                return;
            }
            var enforce = labels.get("pod-security.kubernetes.io/enforce");
            RuleResult result;
            if (enforce != null && !enforce.equals("privileged")) {
                result = RuleResult.pass("metadata.labels['pod-security.kubernetes.io/enforce']", enforce);
            } else if (!engines.isEmpty()) {
                result = RuleResult.pass("admission webhooks", String.join(", ", engines));
            } else {
                result = RuleResult.of(List.of(new Evidence("metadata.labels['pod-security.kubernetes.io/enforce']",
                        enforce == null ? "<unset>, and no policy engine webhook" : enforce)), "", "");
            }
            verdicts.add(new Verdict("Namespace", "", namespace, result));
        });
        return verdicts;
    }

    private static List<Verdict> networkPolicies(ClusterSubject cluster) {
        var verdicts = new ArrayList<Verdict>();
        var policies = cluster.ofKind("NetworkPolicy");
        cluster.namespaceLabels().keySet().stream().filter(namespace -> !SYSTEM_NAMESPACES.contains(namespace)).sorted()
                .forEach(namespace -> {
                    var names = policies.stream().filter(policy -> policy.namespace().equals(namespace)).map(ObjectRef::name).toList();
                    var violations = names.isEmpty()
                            ? List.of(new Evidence("NetworkPolicy objects in " + namespace, "none")) : List.<Evidence>of();
                    verdicts.add(new Verdict("Namespace", "", namespace,
                            RuleResult.of(violations, "NetworkPolicy objects in " + namespace, String.join(", ", names))));
                });
        return verdicts;
    }

    /**
     * Each namespace has a policy that selects every pod ({@code podSelector: {}}) and allows no
     * traffic, for ingress and for egress (one policy for both, or one each): what is allowed is
     * then only what other policies open. A field of the wrong type never counts as empty.
     */
    private static List<Verdict> defaultDeny(ClusterSubject cluster) {
        var verdicts = new ArrayList<Verdict>();
        var policies = cluster.ofKind("NetworkPolicy");
        cluster.namespaceLabels().keySet().stream().filter(namespace -> !SYSTEM_NAMESPACES.contains(namespace)).sorted()
                .forEach(namespace -> {
                    var denying = new ArrayList<String>();
                    boolean ingress = false;
                    boolean egress = false;
                    for (var policy : policies) {
                        if (!policy.namespace().equals(namespace) || policy.body() == null) {
                            continue;
                        }
                        var spec = policy.body().path("spec");
                        var selector = spec.path("podSelector");
                        if (!selector.isObject() || !none(selector.path("matchLabels"), true) || !none(selector.path("matchExpressions"), false)) {
                            continue;
                        }
                        var types = spec.path("policyTypes");
                        boolean deniesIngress = restricts(types, "Ingress", true) && none(spec.path("ingress"), false);
                        boolean deniesEgress = restricts(types, "Egress", false) && none(spec.path("egress"), false);
                        if (deniesIngress || deniesEgress) {
                            denying.add(policy.name() + (deniesIngress && deniesEgress ? "" : deniesIngress ? " (ingress)" : " (egress)"));
                        }
                        ingress |= deniesIngress;
                        egress |= deniesEgress;
                    }
                    var violations = new ArrayList<Evidence>();
                    if (!ingress) {
                        violations.add(new Evidence("NetworkPolicy objects in " + namespace, "none denies all ingress to every pod"));
                    }
                    if (!egress) {
                        violations.add(new Evidence("NetworkPolicy objects in " + namespace, "none denies all egress from every pod"));
                    }
                    verdicts.add(new Verdict("Namespace", "", namespace,
                            RuleResult.of(violations, "NetworkPolicy objects in " + namespace, "deny all: " + String.join(", ", denying))));
                });
        return verdicts;
    }

    /** Absent, null, or an empty object (a map field) or list: a value of another type is not "none". */
    private static boolean none(JsonNode value, boolean map) {
        return value.isMissingNode() || value.isNull() || (map ? value.isObject() : value.isArray()) && value.isEmpty();
    }

    /**
     * Whether a policy's types restrict this direction; {@code byDefault} when it names none (Kubernetes
     * then sets Ingress, and Egress only for a policy with egress rules, which denies nothing).
     */
    private static boolean restricts(JsonNode types, String direction, boolean byDefault) {
        if (types.isMissingNode() || types.isNull()) {
            return byDefault;
        }
        for (var type : types) {
            if (direction.equals(text(type))) {
                return true;
            }
        }
        return false;
    }

    private static List<Verdict> defaultNamespace(ClusterSubject cluster) {
        if (!cluster.namespaceLabels().containsKey("default")) {
            return List.of();
        }
        var violations = new ArrayList<Evidence>();
        for (var object : cluster.objects()) {
            if (object.namespace().equals("default") && !DEFAULT_NAMESPACE_ALLOWED.contains(object.kind() + "/" + object.name())
                    && violations.size() < MAX_EVIDENCE) {
                violations.add(new Evidence("namespace default", object.kind() + " " + object.name()));
            }
        }
        return List.of(new Verdict("Namespace", "", "default",
                RuleResult.of(violations, "namespace default", "holds only the kubernetes Service, the default ServiceAccount and kube-root-ca.crt")));
    }

    private static List<Evidence> subjects(ObjectRef binding, java.util.function.Predicate<JsonNode> matches) {
        var evidence = new ArrayList<Evidence>();
        int index = 0;
        for (var subject : binding.body().path("subjects")) {
            if (matches.test(subject)) {
                evidence.add(new Evidence("subjects[" + index + "]", text(subject.path("kind")) + " "
                        + (text(subject.path("namespace")) == null ? "" : text(subject.path("namespace")) + "/")
                        + text(subject.path("name"))));
            }
            index++;
        }
        return evidence;
    }

    private static boolean isSystemSubject(JsonNode subject) {
        var name = text(subject.path("name"));
        return name != null && name.startsWith("system:")
                || "ServiceAccount".equals(text(subject.path("kind"))) && SYSTEM_NAMESPACES.contains(text(subject.path("namespace")));
    }

    private static boolean isKubernetesDefault(ObjectRef object) {
        return object.name().startsWith("system:") || object.body() != null
                && "rbac-defaults".equals(text(object.body().path("metadata").path("labels").path("kubernetes.io/bootstrapping")));
    }
}
