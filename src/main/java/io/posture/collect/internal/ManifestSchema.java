package io.posture.collect.internal;

import io.posture.inventory.WorkloadKind;
import io.posture.collect.internal.JsonShape.Check;
import tools.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.posture.collect.internal.JsonShape.BOOL;
import static io.posture.collect.internal.JsonShape.STRING;
import static io.posture.collect.internal.JsonShape.STRINGS;
import static io.posture.collect.internal.JsonShape.STRING_MAP;
import static io.posture.collect.internal.JsonShape.integer;
import static io.posture.collect.internal.JsonShape.list;
import static io.posture.collect.internal.JsonShape.map;
import static io.posture.collect.internal.JsonShape.object;
import static io.posture.collect.internal.JsonShape.scalar;
import static io.posture.collect.internal.JsonShape.text;

/**
 * The types of the fields Posture's rules and inventory read, as the Kubernetes API defines them.
 * The API server refuses an object with {@code hostNetwork: 'yes'} or {@code containers: 5}; so does
 * Posture, per object and with the field's path, rather than reading such a value as "not set" and
 * counting a PASS. Fields no rule reads are not checked; {@code null} means unset, as in the API.
 */
public final class ManifestSchema {

    /** A pod with more containers than this is refused (the API sets no number; no real pod is near it). */
    public static final int MAX_CONTAINERS = 256;
    private static final int MAX_PROBLEMS = 5;

    private static final Check DNS_LABEL = text(63);
    private static final Check DNS_NAME = text(253);
    private static final Check IMAGE = text(1024);
    private static final Check INT64 = integer(BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
    private static final Check PORT = integer(BigInteger.ZERO, BigInteger.valueOf(65_535));
    private static final Check INT_OR_STRING = scalar(node -> node.isString() || node.isIntegralNumber(), "a number or a name");
    private static final Check QUANTITY = scalar(node -> node.isString() || node.isNumber(), "a quantity");

    private static final Check PROFILE = object(Map.of("type", STRING, "localhostProfile", STRING));
    private static final Check SE_LINUX = object(Map.of("user", STRING, "role", STRING, "type", STRING, "level", STRING));
    private static final Check WINDOWS = object(Map.of("hostProcess", BOOL, "gmsaCredentialSpecName", STRING,
            "runAsUserName", STRING));
    private static final Check HANDLER = object(Map.of(
            "httpGet", object(Map.of("host", STRING, "path", STRING, "port", INT_OR_STRING, "scheme", STRING)),
            "tcpSocket", object(Map.of("host", STRING, "port", INT_OR_STRING)),
            "exec", object(Map.of("command", STRINGS))));
    private static final Check CONTAINER_SECURITY = object(Map.ofEntries(
            Map.entry("privileged", BOOL), Map.entry("allowPrivilegeEscalation", BOOL),
            Map.entry("readOnlyRootFilesystem", BOOL), Map.entry("runAsNonRoot", BOOL),
            Map.entry("runAsUser", INT64), Map.entry("runAsGroup", INT64), Map.entry("procMount", STRING),
            Map.entry("capabilities", object(Map.of("add", STRINGS, "drop", STRINGS))),
            Map.entry("seccompProfile", PROFILE), Map.entry("appArmorProfile", PROFILE),
            Map.entry("seLinuxOptions", SE_LINUX), Map.entry("windowsOptions", WINDOWS)));
    private static final Check KEY_REF = object(Map.of("name", STRING, "key", STRING, "optional", BOOL));
    private static final Check CONTAINER = object(Map.ofEntries(
            Map.entry("name", DNS_LABEL), Map.entry("image", IMAGE), Map.entry("imagePullPolicy", STRING),
            Map.entry("command", STRINGS), Map.entry("args", STRINGS), Map.entry("workingDir", STRING),
            Map.entry("securityContext", CONTAINER_SECURITY),
            Map.entry("ports", list(object(Map.of("containerPort", PORT, "hostPort", PORT, "hostIP", STRING,
                    "name", STRING, "protocol", STRING)))),
            Map.entry("env", list(object(Map.of("name", STRING, "value", STRING,
                    "valueFrom", object(Map.of("secretKeyRef", KEY_REF, "configMapKeyRef", KEY_REF)))))),
            Map.entry("envFrom", list(object(Map.of("prefix", STRING,
                    "secretRef", object(Map.of("name", STRING, "optional", BOOL)),
                    "configMapRef", object(Map.of("name", STRING, "optional", BOOL)))))),
            Map.entry("resources", object(Map.of("limits", map(QUANTITY), "requests", map(QUANTITY)))),
            Map.entry("volumeMounts", list(object(Map.of("name", STRING, "mountPath", STRING, "readOnly", BOOL,
                    "subPath", STRING)))),
            Map.entry("livenessProbe", HANDLER), Map.entry("readinessProbe", HANDLER), Map.entry("startupProbe", HANDLER),
            Map.entry("lifecycle", object(Map.of("postStart", HANDLER, "preStop", HANDLER)))));
    private static final Check CONTAINERS = containers();
    private static final Check POD_SPEC = object(Map.ofEntries(
            Map.entry("hostNetwork", BOOL), Map.entry("hostPID", BOOL), Map.entry("hostIPC", BOOL),
            Map.entry("hostUsers", BOOL), Map.entry("shareProcessNamespace", BOOL),
            Map.entry("automountServiceAccountToken", BOOL), Map.entry("serviceAccountName", DNS_NAME),
            Map.entry("serviceAccount", STRING), Map.entry("nodeName", STRING),
            Map.entry("os", object(Map.of("name", STRING))),
            Map.entry("securityContext", object(Map.ofEntries(
                    Map.entry("runAsUser", INT64), Map.entry("runAsGroup", INT64), Map.entry("runAsNonRoot", BOOL),
                    Map.entry("fsGroup", INT64), Map.entry("supplementalGroups", list(INT64)),
                    Map.entry("seccompProfile", PROFILE), Map.entry("appArmorProfile", PROFILE),
                    Map.entry("seLinuxOptions", SE_LINUX), Map.entry("windowsOptions", WINDOWS),
                    Map.entry("sysctls", list(object(Map.of("name", STRING, "value", STRING))))))),
            Map.entry("containers", CONTAINERS), Map.entry("initContainers", CONTAINERS),
            Map.entry("ephemeralContainers", CONTAINERS),
            Map.entry("volumes", list(object(Map.of("name", STRING,
                    "hostPath", object(Map.of("path", STRING, "type", STRING)))))),
            Map.entry("imagePullSecrets", list(object(Map.of("name", STRING))))));
    private static final Check POD_METADATA = object(Map.of("labels", STRING_MAP, "annotations", STRING_MAP));
    private static final Check METADATA = object(Map.of("name", DNS_NAME, "namespace", DNS_LABEL, "labels", STRING_MAP,
            "annotations", STRING_MAP, "ownerReferences", list(object(Map.of("kind", STRING, "name", STRING,
                    "controller", BOOL)))));
    private static final Check STATUSES = list(object(Map.of("name", STRING, "image", STRING, "imageID", STRING)));
    private static final Check POD_STATUS = object(Map.of("containerStatuses", STATUSES, "initContainerStatuses", STATUSES,
            "ephemeralContainerStatuses", STATUSES));
    private static final Check RBAC_RULES = list(object(Map.of("apiGroups", STRINGS, "resources", STRINGS,
            "verbs", STRINGS, "resourceNames", STRINGS, "nonResourceURLs", STRINGS)));
    private static final Check BINDING = object(Map.of(
            "roleRef", object(Map.of("kind", STRING, "name", STRING, "apiGroup", STRING)),
            "subjects", list(object(Map.of("kind", STRING, "name", STRING, "namespace", STRING, "apiGroup", STRING)))));
    private static final Map<String, Check> BY_KIND = Map.of(
            "Role", object(Map.of("rules", RBAC_RULES)),
            "ClusterRole", object(Map.of("rules", RBAC_RULES)),
            "RoleBinding", BINDING,
            "ClusterRoleBinding", BINDING,
            "ServiceAccount", object(Map.of("automountServiceAccountToken", BOOL)),
            "NetworkPolicy", object(Map.of("spec", object(Map.of("podSelector", object(Map.of()),
                    "policyTypes", STRINGS)))),
            "Node", object(Map.of(
                    "spec", object(Map.of("taints", list(object(Map.of("key", STRING, "value", STRING, "effect", STRING))))),
                    "status", object(Map.of("nodeInfo", map(STRING),
                            "conditions", list(object(Map.of("type", STRING, "status", STRING))))))));

    private ManifestSchema() {
    }

    /** What is wrong with the object's types (at most a few, each with its path); empty when nothing is. */
    public static List<String> problems(String kind, JsonNode object) {
        var problems = new ArrayList<String>();
        METADATA.check(object.path("metadata"), "metadata", problems);
        var workload = WorkloadKind.of(kind);
        if (workload.isPresent()) {
            var templatePath = workload.get().templatePath();
            // JSON pointer of the dotted template path; the empty pointer is the object itself (a Pod)
            var template = object.at(templatePath.isEmpty() ? "" : "/" + templatePath.replace('.', '/'));
            if (!templatePath.isEmpty() && !template.isObject()) {
                problems.add(kind + " has no pod template at " + templatePath);
            } else if (!template.path("spec").isObject()) {
                problems.add(kind + " has no pod spec at " + workload.get().specPath()
                        + (template.path("spec").isMissingNode() ? "" : " (" + JsonShape.describe(template.path("spec")) + ")"));
            } else {
                POD_SPEC.check(template.path("spec"), workload.get().specPath(), problems);
                if (!templatePath.isEmpty()) {
                    POD_METADATA.check(template.path("metadata"), workload.get().metadataPath(), problems);
                }
            }
            if (kind.equals("Pod")) {
                POD_STATUS.check(object.path("status"), "status", problems);
            }
        } else {
            var check = BY_KIND.get(kind);
            if (check != null) {
                check.check(object, "", problems);
            }
        }
        return problems.size() > MAX_PROBLEMS
                ? List.copyOf(problems.subList(0, MAX_PROBLEMS)) : List.copyOf(problems);
    }

    private static Check containers() {
        var each = list(CONTAINER);
        return (node, path, problems) -> {
            if (node.isArray() && node.size() > MAX_CONTAINERS) {
                problems.add(path + " lists " + node.size() + " containers, more than the " + MAX_CONTAINERS + " Posture reads");
                return;
            }
            each.check(node, path, problems);
        };
    }
}
