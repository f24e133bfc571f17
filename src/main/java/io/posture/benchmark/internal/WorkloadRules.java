package io.posture.benchmark.internal;

import io.posture.benchmark.Evidence;
import io.posture.shared.ImageReference;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.posture.benchmark.internal.PodSecurityRules.containerPass;
import static io.posture.benchmark.internal.PodSecurityRules.forEachVolume;
import static io.posture.benchmark.internal.PodView.isFalse;
import static io.posture.benchmark.internal.PodView.isTrue;
import static io.posture.benchmark.internal.PodView.render;
import static io.posture.benchmark.internal.PodView.text;

/**
 * Pod-spec rules beyond the Pod Security Standards: the CIS Kubernetes section 5 and CIS Docker
 * section 4–5 checks a pod spec decides, and the parameterised rules custom benchmarks use.
 */
final class WorkloadRules {

    private static final List<String> SENSITIVE_HOST_DIRECTORIES = List.of("/boot", "/dev", "/etc", "/lib", "/proc",
            "/sys", "/usr", "/var/lib/docker", "/var/lib/kubelet", "/root");
    private static final List<String> RUNTIME_SOCKETS = List.of("docker.sock", "containerd.sock", "crio.sock", "dockershim.sock");
    /** Variable names that say their value is a credential (as Kubescape's and Checkov's checks read names). */
    private static final java.util.regex.Pattern CREDENTIAL_NAME = java.util.regex.Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|ACCESS_KEY|API_?KEY|PRIVATE_KEY|_KEY$|^KEY$).*");
    /** Suffixes that say the value only tells where a credential is, or what it is called. */
    private static final java.util.regex.Pattern CREDENTIAL_REFERENCE = java.util.regex.Pattern.compile(
            "(?i).*_(FILE|PATH|DIR|URL|URI|NAME|REF)$");

    private WorkloadRules() {
    }

    static Map<String, Rule> rules() {
        return Map.ofEntries(
                Map.entry("pod.hostNetwork", (pod, version) -> hostNamespace(pod, "hostNetwork")),
                Map.entry("pod.hostPID", (pod, version) -> hostNamespace(pod, "hostPID")),
                Map.entry("pod.hostIPC", (pod, version) -> hostNamespace(pod, "hostIPC")),
                Map.entry("pod.netRawDropped", (pod, version) -> netRawDropped(pod)),
                Map.entry("pod.secretsAsEnvironment", (pod, version) -> secretsAsEnvironment(pod)),
                Map.entry("pod.credentialLiterals", (pod, version) -> credentialLiterals(pod)),
                Map.entry("pod.serviceAccountTokenMounted", (pod, version) -> serviceAccountToken(pod)),
                Map.entry("pod.defaultServiceAccount", (pod, version) -> defaultServiceAccount(pod)),
                Map.entry("pod.securityContextApplied", (pod, version) -> securityContextApplied(pod)),
                Map.entry("pod.sensitiveHostPaths", (pod, version) -> sensitiveHostPaths(pod)),
                Map.entry("pod.runtimeSocketMounted", (pod, version) -> runtimeSocket(pod)),
                Map.entry("pod.readOnlyRootFilesystem", (pod, version) -> readOnlyRoot(pod)),
                Map.entry("pod.memoryLimits", (pod, version) -> resource(pod, "limits", "memory")),
                Map.entry("pod.cpuShares", (pod, version) -> resource(pod, "requests", "cpu")),
                Map.entry("image.latestTag", (pod, version) -> latestTag(pod)));
    }

    static Map<String, ParameterizedRule> parameterized() {
        return Map.of(
                "image.allowedRegistries", new ParameterizedRule(List.of("registries"), parameters -> {
                    var registries = ParameterizedRule.strings(parameters, "registries");
                    return (pod, version) -> allowedRegistries(pod, registries);
                }),
                "metadata.requiredLabels", new ParameterizedRule(List.of("labels"), parameters -> {
                    var labels = ParameterizedRule.strings(parameters, "labels");
                    return (pod, version) -> requiredLabels(pod, labels);
                }));
    }

    private static RuleResult hostNamespace(PodView pod, String field) {
        var value = pod.spec().path(field);
        var violations = isTrue(value) ? List.of(new Evidence(pod.specPath(field), "true")) : List.<Evidence>of();
        return RuleResult.of(violations, pod.specPath(field), "unset or false");
    }

    private static RuleResult netRawDropped(PodView pod) {
        var violations = new ArrayList<Evidence>();
        for (var container : pod.containers(PodView.NON_EPHEMERAL_CONTAINER_FIELDS)) {
            var capabilities = container.securityContext().path("capabilities");
            var dropped = upper(capabilities.path("drop"));
            if (upper(capabilities.path("add")).contains("NET_RAW")) {
                violations.add(new Evidence(container.field("securityContext.capabilities.add"), "NET_RAW"));
            } else if (!dropped.contains("ALL") && !dropped.contains("NET_RAW")) {
                violations.add(new Evidence(container.field("securityContext.capabilities.drop"),
                        render(capabilities.path("drop"))));
            }
        }
        return containerPass(pod, violations, "securityContext.capabilities.drop", "includes ALL or NET_RAW");
    }

    /**
     * A variable named like a credential with its value written into the spec (not read from a
     * Secret): anyone who may read the workload reads the credential. The value is never evidence;
     * an empty value, a {@code $(OTHER)} reference and names that end like {@code _FILE} or
     * {@code _URL} (where a credential is, not what it is) pass.
     */
    private static RuleResult credentialLiterals(PodView pod) {
        var violations = new ArrayList<Evidence>();
        for (var container : pod.allContainers()) {
            for (var variable : container.node().path("env")) {
                var name = text(variable.path("name"));
                var value = variable.path("value").asString("");
                boolean reference = value.startsWith("$(") && value.endsWith(")");
                if (name != null && CREDENTIAL_NAME.matcher(name).matches() && !CREDENTIAL_REFERENCE.matcher(name).matches()
                        && !value.isEmpty() && !reference) {
                    violations.add(new Evidence(container.field("env[name=" + name + "].value"),
                            "a literal value (" + value.length() + " characters, not shown)"));
                }
            }
        }
        return containerPass(pod, violations, "env", "no credential-named variable with a literal value");
    }

    private static RuleResult secretsAsEnvironment(PodView pod) {
        var violations = new ArrayList<Evidence>();
        for (var container : pod.allContainers()) {
            for (var variable : container.node().path("env")) {
                var secret = variable.path("valueFrom").path("secretKeyRef");
                if (!secret.isMissingNode()) {
                    violations.add(new Evidence(container.field("env[name=" + text(variable.path("name")) + "].valueFrom.secretKeyRef"),
                            "secret " + text(secret.path("name")) + ", key " + text(secret.path("key"))));
                }
            }
            for (var source : container.node().path("envFrom")) {
                var secret = source.path("secretRef");
                if (!secret.isMissingNode()) {
                    violations.add(new Evidence(container.field("envFrom[*].secretRef"), "secret " + text(secret.path("name"))));
                }
            }
        }
        return containerPass(pod, violations, "env", "no variable read from a Secret");
    }

    /** The pod's own setting wins; left unset, its ServiceAccount's setting decides (as Kubernetes does). */
    private static RuleResult serviceAccountToken(PodView pod) {
        var automount = pod.spec().path("automountServiceAccountToken");
        var path = pod.specPath("automountServiceAccountToken");
        if (isFalse(automount)) {
            return RuleResult.of(List.of(), path, "false");
        }
        var account = pod.spec().path("serviceAccountName").asString("default");
        if (automount.isMissingNode() && Boolean.FALSE.equals(pod.serviceAccountAutomount())) {
            return RuleResult.of(List.of(), path, "<unset>, and ServiceAccount " + account + " sets false");
        }
        return RuleResult.of(List.of(new Evidence(path, render(automount) + (automount.isMissingNode()
                ? " (the token is mounted unless the pod or ServiceAccount " + account + " sets false)"
                : " (the token is mounted)"))), path, "false");
    }

    private static RuleResult defaultServiceAccount(PodView pod) {
        var account = text(pod.spec().path("serviceAccountName"));
        var violations = account == null || account.equals("default")
                ? List.of(new Evidence(pod.specPath("serviceAccountName"), account == null ? "<unset> (default)" : "default"))
                : List.<Evidence>of();
        return RuleResult.of(violations, pod.specPath("serviceAccountName"), account);
    }

    private static RuleResult securityContextApplied(PodView pod) {
        var podContext = pod.spec().path("securityContext");
        if (podContext.isObject() && !podContext.isEmpty()) {
            return RuleResult.pass(pod.specPath("securityContext"), podContext.toString());
        }
        var violations = new ArrayList<Evidence>();
        for (var container : pod.containers(PodView.NON_EPHEMERAL_CONTAINER_FIELDS)) {
            var context = container.securityContext();
            if (!context.isObject() || context.isEmpty()) {
                violations.add(new Evidence(container.field("securityContext"), "<unset>"));
            }
        }
        return containerPass(pod, violations, "securityContext", "set");
    }

    private static RuleResult sensitiveHostPaths(PodView pod) {
        var violations = new ArrayList<Evidence>();
        forEachVolume(pod, (volume, path) -> {
            var hostPath = text(volume.path("hostPath").path("path"));
            if (hostPath != null && isSensitive(hostPath)) {
                violations.add(new Evidence(path + ".hostPath.path", hostPath));
            }
        });
        return RuleResult.of(violations, pod.specPath("volumes[*].hostPath.path"), "no system directory of the host");
    }

    private static boolean isSensitive(String hostPath) {
        var normalized = hostPath.length() > 1 && hostPath.endsWith("/") ? hostPath.substring(0, hostPath.length() - 1) : hostPath;
        return normalized.equals("/") || SENSITIVE_HOST_DIRECTORIES.stream()
                .anyMatch(directory -> normalized.equals(directory) || normalized.startsWith(directory + "/"));
    }

    private static RuleResult runtimeSocket(PodView pod) {
        var violations = new ArrayList<Evidence>();
        forEachVolume(pod, (volume, path) -> {
            var hostPath = text(volume.path("hostPath").path("path"));
            if (hostPath != null && RUNTIME_SOCKETS.stream().anyMatch(hostPath::endsWith)) {
                violations.add(new Evidence(path + ".hostPath.path", hostPath));
            }
        });
        return RuleResult.of(violations, pod.specPath("volumes[*].hostPath.path"), "no container runtime socket");
    }

    private static RuleResult readOnlyRoot(PodView pod) {
        var violations = new ArrayList<Evidence>();
        for (var container : pod.containers(PodView.NON_EPHEMERAL_CONTAINER_FIELDS)) {
            var value = container.securityContext().path("readOnlyRootFilesystem");
            if (!isTrue(value)) {
                violations.add(new Evidence(container.field("securityContext.readOnlyRootFilesystem"), render(value)));
            }
        }
        return containerPass(pod, violations, "securityContext.readOnlyRootFilesystem", "true");
    }

    private static RuleResult resource(PodView pod, String kind, String resource) {
        var violations = new ArrayList<Evidence>();
        for (var container : pod.containers(PodView.NON_EPHEMERAL_CONTAINER_FIELDS)) {
            var value = container.node().path("resources").path(kind).path(resource);
            if (text(value) == null) {
                violations.add(new Evidence(container.field("resources." + kind + "." + resource), "<unset>"));
            }
        }
        return containerPass(pod, violations, "resources." + kind + "." + resource, "set");
    }

    private static RuleResult latestTag(PodView pod) {
        var violations = new ArrayList<Evidence>();
        for (var container : pod.allContainers()) {
            var image = ImageReference.parse(text(container.node().path("image")));
            if (image != null && image.digest() == null && (image.tag() == null || image.tag().equals("latest"))) {
                violations.add(new Evidence(container.field("image"), image.text()));
            }
        }
        return containerPass(pod, violations, "image", "pinned to a version tag or a digest");
    }

    private static RuleResult allowedRegistries(PodView pod, List<String> registries) {
        var violations = new ArrayList<Evidence>();
        for (var container : pod.allContainers()) {
            var image = ImageReference.parse(text(container.node().path("image")));
            if (image != null && !registries.contains(image.registry())) {
                violations.add(new Evidence(container.field("image"), image.text() + " (registry " + image.registry() + ")"));
            }
        }
        return containerPass(pod, violations, "image", "from " + String.join(", ", registries));
    }

    private static RuleResult requiredLabels(PodView pod, List<String> labels) {
        var violations = new ArrayList<Evidence>();
        for (var label : labels) {
            if (text(pod.labels().path(label)) == null) {
                violations.add(new Evidence(pod.labelPath(label), "<unset>"));
            }
        }
        return RuleResult.of(violations, "metadata.labels", "has " + String.join(", ", labels));
    }

    private static Set<String> upper(JsonNode names) {
        var result = new java.util.HashSet<String>();
        names.forEach(name -> {
            var value = text(name);
            if (value != null) {
                result.add(value.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""));
            }
        });
        return result;
    }
}
