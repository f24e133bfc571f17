package io.posture.benchmark.internal;

import io.posture.benchmark.PodSubject;
import io.posture.benchmark.PolicyVersion;
import io.posture.shared.SafeYaml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.StringReader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Pod Security Standards check, passing and failing, including the policy versions from
 * which a check or a change to it applies. Pod specs are written in YAML flow style.
 */
class PodSecurityRulesTest {

    private static final String LATEST = "v1.37";

    record Case(String rule, String version, String annotations, String podSpec, boolean passes, String evidencePath) {
        @Override
        public String toString() {
            return rule + "@" + version + (passes ? " passes " : " fails ") + podSpec
                    + (annotations.isEmpty() ? "" : " annotations " + annotations);
        }
    }

    static Case pass(String rule, String version, String podSpec) {
        return new Case(rule, version, "", podSpec, true, null);
    }

    static Case fail(String rule, String version, String podSpec, String evidencePath) {
        return new Case(rule, version, "", podSpec, false, evidencePath);
    }

    static Case passAnnotated(String rule, String version, String annotations, String podSpec) {
        return new Case(rule, version, annotations, podSpec, true, null);
    }

    static Case failAnnotated(String rule, String version, String annotations, String podSpec, String evidencePath) {
        return new Case(rule, version, annotations, podSpec, false, evidencePath);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // HostProcess
                pass("pss.hostProcess", LATEST, "{containers: [{name: a}]}"),
                pass("pss.hostProcess", LATEST, "{securityContext: {windowsOptions: {hostProcess: false}}, containers: [{name: a}]}"),
                fail("pss.hostProcess", "v1.0", "{securityContext: {windowsOptions: {hostProcess: true}}, containers: [{name: a}]}",
                        "spec.securityContext.windowsOptions.hostProcess"),
                fail("pss.hostProcess", LATEST, "{containers: [{name: a, securityContext: {windowsOptions: {hostProcess: true}}}]}",
                        "spec.containers[name=a].securityContext.windowsOptions.hostProcess"),
                // Host namespaces
                pass("pss.hostNamespaces", LATEST, "{hostNetwork: false, containers: [{name: a}]}"),
                fail("pss.hostNamespaces", LATEST, "{hostNetwork: true, containers: [{name: a}]}", "spec.hostNetwork"),
                fail("pss.hostNamespaces", LATEST, "{hostPID: true, containers: [{name: a}]}", "spec.hostPID"),
                fail("pss.hostNamespaces", "v1.0", "{hostIPC: true, containers: [{name: a}]}", "spec.hostIPC"),
                // Privileged
                pass("pss.privileged", LATEST, "{containers: [{name: a, securityContext: {privileged: false}}]}"),
                fail("pss.privileged", LATEST, "{initContainers: [{name: init, securityContext: {privileged: true}}], containers: [{name: a}]}",
                        "spec.initContainers[name=init].securityContext.privileged"),
                fail("pss.privileged", LATEST, "{containers: [{name: a}], ephemeralContainers: [{name: debug, securityContext: {privileged: true}}]}",
                        "spec.ephemeralContainers[name=debug].securityContext.privileged"),
                // Capabilities (baseline)
                pass("pss.capabilitiesBaseline", LATEST, "{containers: [{name: a, securityContext: {capabilities: {add: [NET_BIND_SERVICE, CHOWN, SYS_CHROOT]}}}]}"),
                fail("pss.capabilitiesBaseline", LATEST, "{containers: [{name: a, securityContext: {capabilities: {add: [NET_RAW]}}}]}",
                        "spec.containers[name=a].securityContext.capabilities.add"),
                fail("pss.capabilitiesBaseline", LATEST, "{containers: [{name: a, securityContext: {capabilities: {add: [CAP_CHOWN]}}}]}",
                        "spec.containers[name=a].securityContext.capabilities.add"),
                fail("pss.capabilitiesBaseline", "v1.0", "{containers: [{name: a, securityContext: {capabilities: {add: [SYS_ADMIN]}}}]}",
                        "spec.containers[name=a].securityContext.capabilities.add"),
                // HostPath volumes
                pass("pss.hostPathVolumes", LATEST, "{volumes: [{name: tmp, emptyDir: {}}], containers: [{name: a}]}"),
                fail("pss.hostPathVolumes", LATEST, "{volumes: [{name: root, hostPath: {path: /}}], containers: [{name: a}]}",
                        "spec.volumes[name=root].hostPath.path"),
                // Host ports
                pass("pss.hostPorts", LATEST, "{containers: [{name: a, ports: [{containerPort: 80}, {containerPort: 81, hostPort: 0}]}]}"),
                fail("pss.hostPorts", LATEST, "{containers: [{name: a, ports: [{containerPort: 80, hostPort: 8080}]}]}",
                        "spec.containers[name=a].ports[0].hostPort"),
                // AppArmor
                passAnnotated("pss.appArmorProfile", LATEST, "{container.apparmor.security.beta.kubernetes.io/a: runtime/default, container.apparmor.security.beta.kubernetes.io/b: localhost/custom}",
                        "{containers: [{name: a}, {name: b}]}"),
                failAnnotated("pss.appArmorProfile", "v1.0", "{container.apparmor.security.beta.kubernetes.io/a: unconfined}",
                        "{containers: [{name: a}]}", "metadata.annotations['container.apparmor.security.beta.kubernetes.io/a']"),
                pass("pss.appArmorProfile", LATEST, "{securityContext: {appArmorProfile: {type: RuntimeDefault}}, containers: [{name: a, securityContext: {appArmorProfile: {type: Localhost}}}]}"),
                fail("pss.appArmorProfile", LATEST, "{securityContext: {appArmorProfile: {type: Unconfined}}, containers: [{name: a}]}",
                        "spec.securityContext.appArmorProfile.type"),
                fail("pss.appArmorProfile", LATEST, "{containers: [{name: a, securityContext: {appArmorProfile: {type: Unconfined}}}]}",
                        "spec.containers[name=a].securityContext.appArmorProfile.type"),
                // SELinux
                pass("pss.seLinuxOptions", LATEST, "{securityContext: {seLinuxOptions: {type: container_t, level: 's0:c1'}}, containers: [{name: a}]}"),
                fail("pss.seLinuxOptions", LATEST, "{containers: [{name: a, securityContext: {seLinuxOptions: {type: spc_t}}}]}",
                        "spec.containers[name=a].securityContext.seLinuxOptions.type"),
                fail("pss.seLinuxOptions", LATEST, "{securityContext: {seLinuxOptions: {user: system_u}}, containers: [{name: a}]}",
                        "spec.securityContext.seLinuxOptions.user"),
                fail("pss.seLinuxOptions", LATEST, "{securityContext: {seLinuxOptions: {role: system_r}}, containers: [{name: a}]}",
                        "spec.securityContext.seLinuxOptions.role"),
                fail("pss.seLinuxOptions", "v1.30", "{securityContext: {seLinuxOptions: {type: container_engine_t}}, containers: [{name: a}]}",
                        "spec.securityContext.seLinuxOptions.type"),
                pass("pss.seLinuxOptions", "v1.31", "{securityContext: {seLinuxOptions: {type: container_engine_t}}, containers: [{name: a}]}"),
                // /proc mount (baseline)
                pass("pss.procMount", LATEST, "{containers: [{name: a, securityContext: {procMount: Default}}]}"),
                fail("pss.procMount", LATEST, "{containers: [{name: a, securityContext: {procMount: Unmasked}}]}",
                        "spec.containers[name=a].securityContext.procMount"),
                fail("pss.procMount", "v1.34", "{hostUsers: false, containers: [{name: a, securityContext: {procMount: Unmasked}}]}",
                        "spec.containers[name=a].securityContext.procMount"),
                pass("pss.procMount", "v1.35", "{hostUsers: false, containers: [{name: a, securityContext: {procMount: Unmasked}}]}"),
                // Seccomp (baseline): annotations before v1.19, fields from v1.19
                pass("pss.seccompProfileBaseline", LATEST, "{securityContext: {seccompProfile: {type: RuntimeDefault}}, containers: [{name: a, securityContext: {seccompProfile: {type: Localhost}}}]}"),
                pass("pss.seccompProfileBaseline", LATEST, "{containers: [{name: a}]}"),
                fail("pss.seccompProfileBaseline", LATEST, "{securityContext: {seccompProfile: {type: Unconfined}}, containers: [{name: a}]}",
                        "spec.securityContext.seccompProfile.type"),
                fail("pss.seccompProfileBaseline", "v1.19", "{containers: [{name: a, securityContext: {seccompProfile: {type: Unconfined}}}]}",
                        "spec.containers[name=a].securityContext.seccompProfile.type"),
                failAnnotated("pss.seccompProfileBaseline", "v1.18", "{seccomp.security.alpha.kubernetes.io/pod: unconfined}",
                        "{containers: [{name: a}]}", "metadata.annotations['seccomp.security.alpha.kubernetes.io/pod']"),
                pass("pss.seccompProfileBaseline", "v1.18", "{securityContext: {seccompProfile: {type: Unconfined}}, containers: [{name: a}]}"),
                // Sysctls: the allowed set grows with the policy version
                pass("pss.sysctls", "v1.0", "{securityContext: {sysctls: [{name: kernel.shm_rmid_forced, value: '1'}, {name: net.ipv4.ping_group_range, value: '0 1'}]}, containers: [{name: a}]}"),
                fail("pss.sysctls", LATEST, "{securityContext: {sysctls: [{name: kernel.msgmax, value: '65536'}]}, containers: [{name: a}]}",
                        "spec.securityContext.sysctls[0].name"),
                fail("pss.sysctls", "v1.26", "{securityContext: {sysctls: [{name: net.ipv4.ip_local_reserved_ports, value: '30000'}]}, containers: [{name: a}]}",
                        "spec.securityContext.sysctls[0].name"),
                pass("pss.sysctls", "v1.27", "{securityContext: {sysctls: [{name: net.ipv4.ip_local_reserved_ports, value: '30000'}]}, containers: [{name: a}]}"),
                fail("pss.sysctls", "v1.28", "{securityContext: {sysctls: [{name: net.ipv4.tcp_keepalive_time, value: '600'}]}, containers: [{name: a}]}",
                        "spec.securityContext.sysctls[0].name"),
                pass("pss.sysctls", "v1.29", "{securityContext: {sysctls: [{name: net.ipv4.tcp_fin_timeout, value: '30'}]}, containers: [{name: a}]}"),
                fail("pss.sysctls", "v1.31", "{securityContext: {sysctls: [{name: net.ipv4.tcp_rmem, value: '4096 87380 6291456'}]}, containers: [{name: a}]}",
                        "spec.securityContext.sysctls[0].name"),
                pass("pss.sysctls", "v1.32", "{securityContext: {sysctls: [{name: net.ipv4.tcp_wmem, value: '4096 16384 4194304'}]}, containers: [{name: a}]}"),
                fail("pss.sysctls", "v1.36", "{securityContext: {sysctls: [{name: net.ipv4.tcp_slow_start_after_idle, value: '0'}]}, containers: [{name: a}]}",
                        "spec.securityContext.sysctls[0].name"),
                pass("pss.sysctls", "v1.37", "{securityContext: {sysctls: [{name: net.ipv4.tcp_notsent_lowat, value: '16384'}]}, containers: [{name: a}]}"),
                // Probes and lifecycle hooks aimed at other hosts
                pass("pss.hostProbesAndHostLifecycle", LATEST, "{containers: [{name: a, livenessProbe: {httpGet: {path: /, port: 80}}}]}"),
                fail("pss.hostProbesAndHostLifecycle", LATEST, "{containers: [{name: a, livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}}]}",
                        "spec.containers[name=a].livenessProbe.httpGet.host"),
                fail("pss.hostProbesAndHostLifecycle", LATEST, "{initContainers: [{name: i, lifecycle: {preStop: {tcpSocket: {host: metadata.internal, port: 80}}}}], containers: [{name: a}]}",
                        "spec.initContainers[name=i].lifecycle.preStop.tcpSocket.host"),
                pass("pss.hostProbesAndHostLifecycle", LATEST, "{containers: [{name: a}], ephemeralContainers: [{name: e, readinessProbe: {tcpSocket: {host: x, port: 1}}}]}"),
                // Volume types (restricted)
                pass("pss.restrictedVolumes", LATEST, "{volumes: [{name: c, configMap: {name: x}}, {name: s, secret: {secretName: y}}, {name: p, persistentVolumeClaim: {claimName: z}}, {name: i, image: {reference: 'r/x:1'}}], containers: [{name: a}]}"),
                fail("pss.restrictedVolumes", LATEST, "{volumes: [{name: n, nfs: {server: nfs, path: /export}}], containers: [{name: a}]}",
                        "spec.volumes[name=n]"),
                fail("pss.restrictedVolumes", "v1.0", "{volumes: [{name: h, hostPath: {path: /data}}], containers: [{name: a}]}",
                        "spec.volumes[name=h]"),
                // Privilege escalation: must be explicitly false; Windows exempt from v1.25
                pass("pss.allowPrivilegeEscalation", LATEST, "{containers: [{name: a, securityContext: {allowPrivilegeEscalation: false}}]}"),
                fail("pss.allowPrivilegeEscalation", LATEST, "{containers: [{name: a}]}",
                        "spec.containers[name=a].securityContext.allowPrivilegeEscalation"),
                fail("pss.allowPrivilegeEscalation", "v1.8", "{containers: [{name: a, securityContext: {allowPrivilegeEscalation: true}}]}",
                        "spec.containers[name=a].securityContext.allowPrivilegeEscalation"),
                pass("pss.allowPrivilegeEscalation", "v1.25", "{os: {name: windows}, containers: [{name: a}]}"),
                fail("pss.allowPrivilegeEscalation", "v1.24", "{os: {name: windows}, containers: [{name: a}]}",
                        "spec.containers[name=a].securityContext.allowPrivilegeEscalation"),
                // Running as non-root
                pass("pss.runAsNonRoot", LATEST, "{securityContext: {runAsNonRoot: true}, containers: [{name: a}, {name: b}]}"),
                pass("pss.runAsNonRoot", LATEST, "{containers: [{name: a, securityContext: {runAsNonRoot: true}}]}"),
                fail("pss.runAsNonRoot", LATEST, "{containers: [{name: a}]}", "spec.containers[name=a].securityContext.runAsNonRoot"),
                fail("pss.runAsNonRoot", LATEST, "{securityContext: {runAsNonRoot: true}, containers: [{name: a, securityContext: {runAsNonRoot: false}}]}",
                        "spec.containers[name=a].securityContext.runAsNonRoot"),
                fail("pss.runAsNonRoot", "v1.34", "{hostUsers: false, containers: [{name: a}]}", "spec.containers[name=a].securityContext.runAsNonRoot"),
                pass("pss.runAsNonRoot", "v1.35", "{hostUsers: false, containers: [{name: a}]}"),
                // Running as a non-root user id
                pass("pss.runAsUser", LATEST, "{securityContext: {runAsUser: 1000}, containers: [{name: a}]}"),
                pass("pss.runAsUser", LATEST, "{containers: [{name: a}]}"),
                fail("pss.runAsUser", "v1.23", "{securityContext: {runAsUser: 0}, containers: [{name: a}]}", "spec.securityContext.runAsUser"),
                fail("pss.runAsUser", LATEST, "{containers: [{name: a, securityContext: {runAsUser: 0}}]}", "spec.containers[name=a].securityContext.runAsUser"),
                fail("pss.runAsUser", "v1.34", "{hostUsers: false, containers: [{name: a, securityContext: {runAsUser: 0}}]}",
                        "spec.containers[name=a].securityContext.runAsUser"),
                pass("pss.runAsUser", "v1.35", "{hostUsers: false, containers: [{name: a, securityContext: {runAsUser: 0}}]}"),
                // Seccomp (restricted): must be set, at pod level or on every container
                pass("pss.seccompProfileRestricted", LATEST, "{securityContext: {seccompProfile: {type: RuntimeDefault}}, containers: [{name: a}]}"),
                pass("pss.seccompProfileRestricted", LATEST, "{containers: [{name: a, securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}}]}"),
                fail("pss.seccompProfileRestricted", "v1.19", "{containers: [{name: a}]}", "spec.containers[name=a].securityContext.seccompProfile.type"),
                fail("pss.seccompProfileRestricted", LATEST, "{securityContext: {seccompProfile: {type: RuntimeDefault}}, containers: [{name: a, securityContext: {seccompProfile: {type: Unconfined}}}]}",
                        "spec.containers[name=a].securityContext.seccompProfile.type"),
                pass("pss.seccompProfileRestricted", "v1.25", "{os: {name: windows}, containers: [{name: a}]}"),
                fail("pss.seccompProfileRestricted", "v1.24", "{os: {name: windows}, containers: [{name: a}]}",
                        "spec.containers[name=a].securityContext.seccompProfile.type"),
                // Capabilities (restricted)
                pass("pss.capabilitiesRestricted", LATEST, "{containers: [{name: a, securityContext: {capabilities: {drop: [ALL]}}}]}"),
                pass("pss.capabilitiesRestricted", LATEST, "{containers: [{name: a, securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}}]}"),
                fail("pss.capabilitiesRestricted", "v1.22", "{containers: [{name: a}]}", "spec.containers[name=a].securityContext.capabilities.drop"),
                fail("pss.capabilitiesRestricted", LATEST, "{containers: [{name: a, securityContext: {capabilities: {drop: [ALL], add: [CHOWN]}}}]}",
                        "spec.containers[name=a].securityContext.capabilities.add"),
                pass("pss.capabilitiesRestricted", "v1.25", "{os: {name: windows}, containers: [{name: a}]}"),
                // deliberate, as Pod Security Admission: "ALL" only in upper case (some scanners take "all"; see docs/benchmarks.md)
                fail("pss.capabilitiesRestricted", LATEST, "{containers: [{name: a, securityContext: {capabilities: {drop: [all]}}}]}",
                        "spec.containers[name=a].securityContext.capabilities.drop"),
                // deliberate, as Pod Security Admission: a pod-level Unconfined fails even where every container overrides it
                fail("pss.seccompProfileRestricted", LATEST, "{securityContext: {seccompProfile: {type: Unconfined}}, "
                        + "containers: [{name: a, securityContext: {seccompProfile: {type: RuntimeDefault}}}]}",
                        "spec.securityContext.seccompProfile.type"),
                fail("pss.capabilitiesRestricted", "v1.24", "{os: {name: windows}, containers: [{name: a}]}",
                        "spec.containers[name=a].securityContext.capabilities.drop"),
                // /proc mount (restricted): no user-namespace exemption
                pass("pss.procMountRestricted", LATEST, "{containers: [{name: a}]}"),
                fail("pss.procMountRestricted", "v1.35", "{hostUsers: false, containers: [{name: a, securityContext: {procMount: Unmasked}}]}",
                        "spec.containers[name=a].securityContext.procMount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsPodSecurityAdmission(Case testCase) {
        var result = RuleRegistry.podRule(testCase.rule(), java.util.Map.of()).evaluate(pod(testCase), PolicyVersion.parse(testCase.version()));

        assertThat(result.passed()).as("passed").isEqualTo(testCase.passes());
        if (testCase.passes()) {
            assertThat(result.evidence()).singleElement().satisfies(evidence -> assertThat(evidence.path()).isNotBlank());
        } else {
            assertThat(result.violations()).extracting(v -> v.path()).contains(testCase.evidencePath());
            assertThat(result.violations()).allSatisfy(v -> assertThat(v.observed()).isNotBlank());
        }
    }

    private static PodView pod(Case testCase) {
        var spec = SafeYaml.readAll(new StringReader(testCase.podSpec()), 10_000).getFirst();
        var metadata = JsonNodeFactory.instance.objectNode();
        if (!testCase.annotations().isEmpty()) {
            metadata.set("annotations", SafeYaml.readAll(new StringReader(testCase.annotations()), 10_000).getFirst());
        }
        return new PodView(new PodSubject("Pod", "default", "test", metadata, spec, "spec", "metadata", null));
    }
}
