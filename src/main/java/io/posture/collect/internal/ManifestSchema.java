package io.posture.collect.internal;

import io.posture.inventory.WorkloadKind;
import tools.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    private static final Check BOOL = (node, path, problems) -> expect(node.isBoolean(), node, path, "a boolean", problems);
    private static final Check STRING = (node, path, problems) -> expect(node.isString(), node, path, "a string", problems);
    private static final Check DNS_LABEL = text(63);
    private static final Check DNS_NAME = text(253);
    private static final Check IMAGE = text(1024);
    private static final Check INT64 = integer(BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
    private static final Check INT32 = integer(BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
    private static final Check PORT = integer(BigInteger.ZERO, BigInteger.valueOf(65_535));
    private static final Check INT_OR_STRING = (node, path, problems) ->
            expect(node.isString() || node.isIntegralNumber(), node, path, "a number or a name", problems);
    private static final Check QUANTITY = (node, path, problems) ->
            expect(node.isString() || node.isNumber(), node, path, "a quantity", problems);
    private static final Check STRINGS = list(STRING);
    private static final Check STRING_MAP = map(STRING);

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
            var template = at(object, templatePath);
            if (!templatePath.isEmpty() && !template.isObject()) {
                problems.add(kind + " has no pod template at " + templatePath);
            } else if (!template.path("spec").isObject()) {
                problems.add(kind + " has no pod spec at " + workload.get().specPath()
                        + (template.path("spec").isMissingNode() ? "" : " (" + describe(template.path("spec")) + ")"));
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

    @FunctionalInterface
    private interface Check {
        void check(JsonNode node, String path, List<String> problems);
    }

    private static Check object(Map<String, Check> fields) {
        return (node, path, problems) -> {
            if (unset(node)) {
                return;
            }
            if (!node.isObject()) {
                problems.add(path + " is " + describe(node) + ", expected an object");
                return;
            }
            fields.forEach((field, check) -> check.check(node.path(field), path.isEmpty() ? field : path + "." + field, problems));
        };
    }

    private static Check list(Check item) {
        return (node, path, problems) -> {
            if (unset(node)) {
                return;
            }
            if (!node.isArray()) {
                problems.add(path + " is " + describe(node) + ", expected a list");
                return;
            }
            int index = 0;
            for (var element : node) {
                item.check(element, path + "[" + index++ + "]", problems);
                if (problems.size() > MAX_PROBLEMS) {
                    return;
                }
            }
        };
    }

    private static Check map(Check value) {
        return (node, path, problems) -> {
            if (unset(node)) {
                return;
            }
            if (!node.isObject()) {
                problems.add(path + " is " + describe(node) + ", expected a map");
                return;
            }
            for (var entry : node.properties()) {
                value.check(entry.getValue(), path + "['" + abbreviate(entry.getKey()) + "']", problems);
            }
        };
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

    /** A string of at most {@code max} characters, as the API's name rules (and Posture's columns) allow. */
    private static Check text(int max) {
        return (node, path, problems) -> {
            STRING.check(node, path, problems);
            if (node.isString() && node.asString().length() > max) {
                problems.add(path + " has " + node.asString().length() + " characters, more than the " + max + " allowed");
            }
        };
    }

    private static Check integer(BigInteger min, BigInteger max) {
        return (node, path, problems) -> {
            if (unset(node)) {
                return;
            }
            if (!node.isIntegralNumber()) {
                problems.add(path + " is " + describe(node) + ", expected a whole number");
            } else if (node.bigIntegerValue().compareTo(min) < 0 || node.bigIntegerValue().compareTo(max) > 0) {
                problems.add(path + " is " + abbreviate(node.bigIntegerValue().toString()) + ", outside " + min + " to " + max);
            }
        };
    }

    private static void expect(boolean ok, JsonNode node, String path, String expected, List<String> problems) {
        if (!ok && !unset(node)) {
            problems.add(path + " is " + describe(node) + ", expected " + expected);
        }
    }

    private static boolean unset(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string ('" + abbreviate(node.asString()) + "')";
            case NUMBER -> "a number (" + abbreviate(node.asString()) + ")";
            case BOOLEAN -> "a boolean (" + node.asString() + ")";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static JsonNode at(JsonNode node, String dottedPath) {
        var current = node;
        for (var part : dottedPath.split("\\.")) {
            if (!part.isEmpty()) {
                current = current.path(part);
            }
        }
        return current;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
