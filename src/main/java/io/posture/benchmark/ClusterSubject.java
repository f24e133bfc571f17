package io.posture.benchmark;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * What cluster-wide rules see: namespaces with their labels, the supporting objects (RBAC,
 * service accounts, network policies, webhook configurations) with their bodies, and the
 * workloads by name. Secrets appear by metadata only; no rule needs more. {@code unreadKinds} are
 * the kinds the latest collection could not read: rules that need them report UNKNOWN.
 */
public record ClusterSubject(String clusterName, Map<String, Map<String, String>> namespaceLabels,
                             List<ObjectRef> objects, java.util.Set<String> unreadKinds) {

    /** A Kubernetes object; {@code namespace} is empty for cluster-scoped ones. */
    public record ObjectRef(String kind, String namespace, String name, JsonNode body) {
    }

    /**
     * What each ServiceAccount sets for automountServiceAccountToken, by "namespace/name"; accounts
     * that set nothing (or not a boolean) are absent. For the pod rule on token mounting.
     */
    public Map<String, Boolean> serviceAccountAutomount() {
        var settings = new java.util.HashMap<String, Boolean>();
        for (var account : ofKind("ServiceAccount")) {
            var value = account.body() == null ? null : account.body().get("automountServiceAccountToken");
            if (value != null && value.isBoolean()) {
                settings.put(account.namespace() + "/" + account.name(), value.booleanValue());
            }
        }
        return settings;
    }

    public List<ObjectRef> ofKind(String... kinds) {
        var wanted = List.of(kinds);
        return objects.stream().filter(object -> wanted.contains(object.kind())).toList();
    }
}
