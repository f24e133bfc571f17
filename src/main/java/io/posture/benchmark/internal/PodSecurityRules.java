package io.posture.benchmark.internal;

import io.posture.benchmark.Evidence;
import io.posture.benchmark.PolicyVersion;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import static io.posture.benchmark.internal.PodView.isFalse;
import static io.posture.benchmark.internal.PodView.isTrue;
import static io.posture.benchmark.internal.PodView.render;
import static io.posture.benchmark.internal.PodView.text;

/**
 * The Pod Security Standards checks, as the Kubernetes pod-security admission defines them,
 * including the policy version from which each check (or each change to a check) applies.
 */
final class PodSecurityRules {

    static final PolicyVersion V1_0 = PolicyVersion.of(1, 0);
    static final PolicyVersion V1_19 = PolicyVersion.of(1, 19);
    static final PolicyVersion V1_25 = PolicyVersion.of(1, 25);
    static final PolicyVersion V1_27 = PolicyVersion.of(1, 27);
    static final PolicyVersion V1_29 = PolicyVersion.of(1, 29);
    static final PolicyVersion V1_31 = PolicyVersion.of(1, 31);
    static final PolicyVersion V1_32 = PolicyVersion.of(1, 32);
    static final PolicyVersion V1_35 = PolicyVersion.of(1, 35);
    static final PolicyVersion V1_37 = PolicyVersion.of(1, 37);

    private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    private static final Set<String> RESTRICTED_VOLUME_SOURCES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret", "image");
    private static final Set<String> SELINUX_TYPES = Set.of("container_t", "container_init_t", "container_kvm_t");
    private static final String SELINUX_ENGINE_TYPE = "container_engine_t";
    private static final Map<PolicyVersion, List<String>> SYSCTLS_ADDED = Map.of(
            V1_0, List.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
                    "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range"),
            V1_27, List.of("net.ipv4.ip_local_reserved_ports"),
            V1_29, List.of("net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
                    "net.ipv4.tcp_keepalive_probes"),
            V1_32, List.of("net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"),
            V1_37, List.of("net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"));
    private static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";
    private static final String SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
    private static final String SECCOMP_CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/";
    private static final Set<String> ALLOWED_SECCOMP_TYPES = Set.of("RuntimeDefault", "Localhost");
    private static final Set<String> ALLOWED_APPARMOR_TYPES = Set.of("RuntimeDefault", "Localhost");

    private PodSecurityRules() {
    }

    static Map<String, Rule> rules() {
        return Map.ofEntries(
                Map.entry("pss.hostProcess", PodSecurityRules::hostProcess),
                Map.entry("pss.hostNamespaces", PodSecurityRules::hostNamespaces),
                Map.entry("pss.privileged", PodSecurityRules::privileged),
                Map.entry("pss.capabilitiesBaseline", PodSecurityRules::capabilitiesBaseline),
                Map.entry("pss.hostPathVolumes", PodSecurityRules::hostPathVolumes),
                Map.entry("pss.hostPorts", PodSecurityRules::hostPorts),
                Map.entry("pss.appArmorProfile", PodSecurityRules::appArmorProfile),
                Map.entry("pss.seLinuxOptions", PodSecurityRules::seLinuxOptions),
                Map.entry("pss.procMount", PodSecurityRules::procMountBaseline),
                Map.entry("pss.seccompProfileBaseline", PodSecurityRules::seccompBaseline),
                Map.entry("pss.sysctls", PodSecurityRules::sysctls),
                Map.entry("pss.hostProbesAndHostLifecycle", PodSecurityRules::hostProbesAndLifecycle),
                Map.entry("pss.restrictedVolumes", PodSecurityRules::restrictedVolumes),
                Map.entry("pss.allowPrivilegeEscalation", PodSecurityRules::allowPrivilegeEscalation),
                Map.entry("pss.runAsNonRoot", PodSecurityRules::runAsNonRoot),
                Map.entry("pss.runAsUser", PodSecurityRules::runAsUser),
                Map.entry("pss.seccompProfileRestricted", PodSecurityRules::seccompRestricted),
                Map.entry("pss.capabilitiesRestricted", PodSecurityRules::capabilitiesRestricted),
                Map.entry("pss.procMountRestricted", PodSecurityRules::procMountRestricted));
    }

    static RuleResult hostProcess(PodView pod, PolicyVersion version) {
        var violations = new ArrayList<Evidence>();
        var podLevel = pod.spec().path("securityContext").path("windowsOptions").path("hostProcess");
        if (isTrue(podLevel)) {
            violations.add(new Evidence(pod.specPath("securityContext.windowsOptions.hostProcess"), "true"));
        }
        forEachContainerField(pod, PodView.ALL_CONTAINER_FIELDS, "securityContext.windowsOptions.hostProcess",
                PodView::isTrue, violations);
        return RuleResult.of(violations, pod.specPath("securityContext.windowsOptions.hostProcess"), "unset or false");
    }

    static RuleResult hostNamespaces(PodView pod, PolicyVersion version) {
        var violations = new ArrayList<Evidence>();
        for (var field : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (isTrue(pod.spec().path(field))) {
                violations.add(new Evidence(pod.specPath(field), "true"));
            }
        }
        return RuleResult.of(violations, pod.specPath("{hostNetwork,hostPID,hostIPC}"), "unset or false");
    }

    static RuleResult privileged(PodView pod, PolicyVersion version) {
        var violations = new ArrayList<Evidence>();
        forEachContainerField(pod, PodView.ALL_CONTAINER_FIELDS, "securityContext.privileged", PodView::isTrue, violations);
        return containerPass(pod, violations, "securityContext.privileged", "unset or false");
    }

    static RuleResult capabilitiesBaseline(PodView pod, PolicyVersion version) {
        var violations = new ArrayList<Evidence>();
        for (var container : pod.allContainers()) {
            var added = container.securityContext().path("capabilities").path("add");
            var forbidden = new TreeSet<String>();
            for (var capability : added) {
                // PSA compares names as written: CAP_CHOWN is not CHOWN and is refused.
                var name = text(capability);
                if (name != null && !BASELINE_CAPABILITIES.contains(name)) {
                    forbidden.add(name);
                }
            }
            if (!forbidden.isEmpty()) {
                violations.add(new Evidence(container.field("securityContext.capabilities.add"), String.join(", ", forbidden)));
            }
        }
        return containerPass(pod, violations, "securityContext.capabilities.add", "unset or within the baseline set");
    }

    static RuleResult hostPathVolumes(PodView pod, PolicyVersion version) {
        var violations = new ArrayList<Evidence>();
        forEachVolume(pod, (volume, path) -> {
            var hostPath = volume.path("hostPath");
            if (!hostPath.isMissingNode() && !hostPath.isNull()) {
                violations.add(new Evidence(path + ".hostPath.path", render(hostPath.path("path"))));
            }
        });
        return RuleResult.of(violations, pod.specPath("volumes[*].hostPath"), "unset");
    }

    static RuleResult hostPorts(PodView pod, PolicyVersion version) {
        var violations = new ArrayList<Evidence>();
        for (var container : pod.allContainers()) {
            int index = 0;
            for (var port : container.node().path("ports")) {
                var hostPort = port.path("hostPort");
                if (hostPort.asInt(0) != 0) {
                    violations.add(new Evidence(container.field("ports[" + index + "].hostPort"), render(hostPort)));
                }
                index++;
            }
        }
        return containerPass(pod, violations, "ports[*].hostPort", "unset or 0");
    }

    static RuleResult appArmorProfile(PodView pod, PolicyVersion version) {
        var violations = new ArrayList<Evidence>();
        for (var entry : pod.annotations().properties()) {
            if (entry.getKey().startsWith(APPARMOR_ANNOTATION)) {
                var value = text(entry.getValue());
                boolean allowed = value == null || value.isEmpty() || value.equals("runtime/default")
                        || value.startsWith("localhost/");
                if (!allowed) {
                    violations.add(new Evidence(pod.annotationPath(entry.getKey()), value));
                }
            }
        }
        checkProfileType(pod, "appArmorProfile", ALLOWED_APPARMOR_TYPES, violations);
        return RuleResult.of(violations, pod.specPath("securityContext.appArmorProfile.type"),
                "unset, RuntimeDefault or Localhost");
    }

    static RuleResult seLinuxOptions(PodView pod, PolicyVersion version) {
        var violations = new ArrayList<Evidence>();
        checkSeLinux(pod.spec().path("securityContext").path("seLinuxOptions"),
                pod.specPath("securityContext.seLinuxOptions"), version, violations);
        for (var container : pod.allContainers()) {
            checkSeLinux(container.securityContext().path("seLinuxOptions"),
                    container.field("securityContext.seLinuxOptions"), version, violations);
        }
        return RuleResult.of(violations, pod.specPath("securityContext.seLinuxOptions"),
                "type unset or an allowed container type; user and role unset");
    }

    private static void checkSeLinux(JsonNode options, String path, PolicyVersion version, List<Evidence> violations) {
        var type = text(options.path("type"));
        boolean typeAllowed = type == null || type.isEmpty() || SELINUX_TYPES.contains(type)
                || (type.equals(SELINUX_ENGINE_TYPE) && version.isAtLeast(V1_31));
        if (!typeAllowed) {
            violations.add(new Evidence(path + ".type", type));
        }
        for (var field : List.of("user", "role")) {
            var value = text(options.path(field));
            if (value != null && !value.isEmpty()) {
                violations.add(new Evidence(path + "." + field, value));
            }
        }
    }

    static RuleResult procMountBaseline(PodView pod, PolicyVersion version) {
        if (version.isAtLeast(V1_35) && pod.hostUsersDisabled()) {
            return RuleResult.pass(pod.specPath("hostUsers"), "false (user namespaces: any /proc mount type allowed)");
        }
        return procMount(pod);
    }

    static RuleResult procMountRestricted(PodView pod, PolicyVersion version) {
        return procMount(pod);
    }

    private static RuleResult procMount(PodView pod) {
        var violations = new ArrayList<Evidence>();
        forEachContainerField(pod, PodView.ALL_CONTAINER_FIELDS, "securityContext.procMount",
                value -> text(value) != null && !"Default".equals(text(value)), violations);
        return containerPass(pod, violations, "securityContext.procMount", "unset or Default");
    }

    static RuleResult seccompBaseline(PodView pod, PolicyVersion version) {
        var violations = new ArrayList<Evidence>();
        if (!version.isAtLeast(V1_19)) {
            for (var entry : pod.annotations().properties()) {
                var key = entry.getKey();
                if ((key.equals(SECCOMP_POD_ANNOTATION) || key.startsWith(SECCOMP_CONTAINER_ANNOTATION))
                        && "unconfined".equals(text(entry.getValue()))) {
                    violations.add(new Evidence(pod.annotationPath(key), "unconfined"));
                }
            }
            return RuleResult.of(violations, pod.annotationPath(SECCOMP_POD_ANNOTATION), "not unconfined");
        }
        checkProfileType(pod, "seccompProfile", ALLOWED_SECCOMP_TYPES, violations);
        return RuleResult.of(violations, pod.specPath("securityContext.seccompProfile.type"),
                "unset, RuntimeDefault or Localhost");
    }

    /** Pod- and container-level profile types: unset is fine, a set value must be one of the allowed ones. */
    private static void checkProfileType(PodView pod, String profileField, Set<String> allowed, List<Evidence> violations) {
        var podType = pod.spec().path("securityContext").path(profileField).path("type");
        if (text(podType) != null && !allowed.contains(text(podType))) {
            violations.add(new Evidence(pod.specPath("securityContext." + profileField + ".type"), text(podType)));
        }
        forEachContainerField(pod, PodView.ALL_CONTAINER_FIELDS, "securityContext." + profileField + ".type",
                value -> text(value) != null && !allowed.contains(text(value)), violations);
    }

    static RuleResult sysctls(PodView pod, PolicyVersion version) {
        var allowed = new TreeSet<String>();
        SYSCTLS_ADDED.forEach((since, names) -> {
            if (version.isAtLeast(since)) {
                allowed.addAll(names);
            }
        });
        var violations = new ArrayList<Evidence>();
        int index = 0;
        for (var sysctl : pod.spec().path("securityContext").path("sysctls")) {
            var name = text(sysctl.path("name"));
            if (name != null && !allowed.contains(name)) {
                violations.add(new Evidence(pod.specPath("securityContext.sysctls[" + index + "].name"), name));
            }
            index++;
        }
        return RuleResult.of(violations, pod.specPath("securityContext.sysctls"), "unset or only safe sysctls");
    }

    static RuleResult hostProbesAndLifecycle(PodView pod, PolicyVersion version) {
        var violations = new ArrayList<Evidence>();
        var handlers = List.of("livenessProbe", "readinessProbe", "startupProbe", "lifecycle.postStart", "lifecycle.preStop");
        for (var container : pod.containers(PodView.NON_EPHEMERAL_CONTAINER_FIELDS)) {
            for (var handler : handlers) {
                var handlerNode = at(container.node(), handler);
                for (var action : List.of("httpGet", "tcpSocket")) {
                    var host = text(handlerNode.path(action).path("host"));
                    if (host != null && !host.isEmpty()) {
                        violations.add(new Evidence(container.field(handler + "." + action + ".host"), host));
                    }
                }
            }
        }
        return containerPass(pod, violations, "{probes,lifecycle}.*.host", "unset");
    }

    static RuleResult restrictedVolumes(PodView pod, PolicyVersion version) {
        var violations = new ArrayList<Evidence>();
        forEachVolume(pod, (volume, path) -> {
            for (var source : volume.propertyNames()) {
                if (!source.equals("name") && !RESTRICTED_VOLUME_SOURCES.contains(source)) {
                    violations.add(new Evidence(path, source));
                }
            }
        });
        return RuleResult.of(violations, pod.specPath("volumes[*]"), "only allowed volume types");
    }

    static RuleResult allowPrivilegeEscalation(PodView pod, PolicyVersion version) {
        if (windowsExempt(pod, version)) {
            return windowsPass(pod);
        }
        var violations = new ArrayList<Evidence>();
        forEachContainerField(pod, PodView.ALL_CONTAINER_FIELDS, "securityContext.allowPrivilegeEscalation",
                value -> !isFalse(value), violations);
        return containerPass(pod, violations, "securityContext.allowPrivilegeEscalation", "false");
    }

    static RuleResult runAsNonRoot(PodView pod, PolicyVersion version) {
        if (version.isAtLeast(V1_35) && pod.hostUsersDisabled()) {
            return RuleResult.pass(pod.specPath("hostUsers"), "false (user namespaces: root is unprivileged)");
        }
        var violations = new ArrayList<Evidence>();
        var podLevel = pod.spec().path("securityContext").path("runAsNonRoot");
        if (isFalse(podLevel)) {
            violations.add(new Evidence(pod.specPath("securityContext.runAsNonRoot"), "false"));
        }
        boolean podSaysNonRoot = isTrue(podLevel);
        for (var container : pod.allContainers()) {
            var value = container.securityContext().path("runAsNonRoot");
            if (isFalse(value) || (!podSaysNonRoot && !isTrue(value))) {
                violations.add(new Evidence(container.field("securityContext.runAsNonRoot"), render(value)));
            }
        }
        return podSaysNonRoot ? RuleResult.of(violations, pod.specPath("securityContext.runAsNonRoot"), "true")
                : containerPass(pod, violations, "securityContext.runAsNonRoot", "true");
    }

    static RuleResult runAsUser(PodView pod, PolicyVersion version) {
        if (version.isAtLeast(V1_35) && pod.hostUsersDisabled()) {
            return RuleResult.pass(pod.specPath("hostUsers"), "false (user namespaces: any user allowed)");
        }
        var violations = new ArrayList<Evidence>();
        var podLevel = pod.spec().path("securityContext").path("runAsUser");
        if (podLevel.isNumber() && podLevel.asLong() == 0) {
            violations.add(new Evidence(pod.specPath("securityContext.runAsUser"), "0"));
        }
        forEachContainerField(pod, PodView.ALL_CONTAINER_FIELDS, "securityContext.runAsUser",
                value -> value.isNumber() && value.asLong() == 0, violations);
        return RuleResult.of(violations, pod.specPath("securityContext.runAsUser"), "unset or non-zero");
    }

    static RuleResult seccompRestricted(PodView pod, PolicyVersion version) {
        if (windowsExempt(pod, version)) {
            return windowsPass(pod);
        }
        var violations = new ArrayList<Evidence>();
        var podType = text(pod.spec().path("securityContext").path("seccompProfile").path("type"));
        if (podType != null && !ALLOWED_SECCOMP_TYPES.contains(podType)) {
            violations.add(new Evidence(pod.specPath("securityContext.seccompProfile.type"), podType));
        }
        boolean podSetsProfile = podType != null && ALLOWED_SECCOMP_TYPES.contains(podType);
        for (var container : pod.allContainers()) {
            var type = text(container.securityContext().path("seccompProfile").path("type"));
            if (type != null ? !ALLOWED_SECCOMP_TYPES.contains(type) : !podSetsProfile) {
                violations.add(new Evidence(container.field("securityContext.seccompProfile.type"),
                        type == null ? "<unset>" : type));
            }
        }
        return podSetsProfile ? RuleResult.of(violations, pod.specPath("securityContext.seccompProfile.type"), podType)
                : containerPass(pod, violations, "securityContext.seccompProfile.type", "RuntimeDefault or Localhost");
    }

    static RuleResult capabilitiesRestricted(PodView pod, PolicyVersion version) {
        if (windowsExempt(pod, version)) {
            return windowsPass(pod);
        }
        var violations = new ArrayList<Evidence>();
        for (var container : pod.allContainers()) {
            var capabilities = container.securityContext().path("capabilities");
            boolean dropsAll = false;
            for (var dropped : capabilities.path("drop")) {
                dropsAll |= "ALL".equals(text(dropped));
            }
            if (!dropsAll) {
                violations.add(new Evidence(container.field("securityContext.capabilities.drop"), render(capabilities.path("drop"))));
            }
            var forbidden = new TreeSet<String>();
            for (var added : capabilities.path("add")) {
                if (!"NET_BIND_SERVICE".equals(text(added))) {
                    forbidden.add(render(added));
                }
            }
            if (!forbidden.isEmpty()) {
                violations.add(new Evidence(container.field("securityContext.capabilities.add"), String.join(", ", forbidden)));
            }
        }
        return containerPass(pod, violations, "securityContext.capabilities", "drop includes ALL, add at most NET_BIND_SERVICE");
    }

    private static boolean windowsExempt(PodView pod, PolicyVersion version) {
        return version.isAtLeast(V1_25) && pod.isWindows();
    }

    private static RuleResult windowsPass(PodView pod) {
        return RuleResult.pass(pod.specPath("os.name"), "windows (exempt from this check)");
    }

    static void forEachContainerField(PodView pod, List<String> containerFields, String field,
                                              Predicate<JsonNode> violates, List<Evidence> violations) {
        for (var container : pod.containers(containerFields)) {
            var value = at(container.node(), field);
            if (violates.test(value)) {
                violations.add(new Evidence(container.field(field), render(value)));
            }
        }
    }

    static RuleResult containerPass(PodView pod, List<Evidence> violations, String field, String passValue) {
        int count = pod.containerCount();
        return RuleResult.of(violations, pod.specPath("containers[*]." + field),
                passValue + " in " + (count == 1 ? "the container" : "all " + count + " containers"));
    }

    static void forEachVolume(PodView pod, BiConsumer<JsonNode, String> action) {
        int index = 0;
        for (var volume : pod.spec().path("volumes")) {
            var name = text(volume.path("name"));
            action.accept(volume, pod.specPath("volumes[" + (name == null ? String.valueOf(index) : "name=" + name) + "]"));
            index++;
        }
    }

    static JsonNode at(JsonNode node, String dottedPath) {
        var current = node;
        for (var part : dottedPath.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }

}
