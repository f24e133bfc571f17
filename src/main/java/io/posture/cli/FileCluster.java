package io.posture.cli;

import io.posture.benchmark.ClusterSubject;
import io.posture.collect.ManifestObject;
import io.posture.inventory.ObservedResource.SupportingKind;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scanned files as one cluster, for the controls that judge RBAC, service accounts, network
 * policies, namespaces and webhooks: what a live collection would hand them, built from the
 * objects in the files. Nothing counts as unread; Secrets and ConfigMaps show their metadata only,
 * as they do in the dashboard.
 */
final class FileCluster {

    static final String NAME = "scanned files";

    private FileCluster() {
    }

    static ClusterSubject of(List<ManifestObject> objects) {
        var namespaceLabels = new LinkedHashMap<String, Map<String, String>>();
        var refs = new ArrayList<ClusterSubject.ObjectRef>();
        for (var object : objects) {
            if (object.kind().equals("Namespace")) {
                var labels = new LinkedHashMap<String, String>();
                object.body().path("metadata").path("labels").properties()
                        .forEach(label -> labels.put(label.getKey(), label.getValue().asString()));
                namespaceLabels.put(object.name(), labels);
                continue;
            }
            var supporting = SupportingKind.named(object.kind());
            if (supporting.isPresent()) {
                var kind = supporting.get();
                var body = kind.metadataOnly() ? JsonNodeFactory.instance.objectNode().put("kind", kind.name())
                        .set("metadata", object.body().path("metadata").deepCopy()) : object.body();
                refs.add(new ClusterSubject.ObjectRef(kind.name(), kind.clusterScoped() ? "" : object.namespaceOrDefault(),
                        object.name(), body));
            } else {
                // as in the dashboard, workloads of the default namespace count by name (a rule asks whether it is used)
                object.workloadTemplate().filter(template -> template.namespace().equals("default"))
                        .ifPresent(template -> refs.add(new ClusterSubject.ObjectRef(template.kind().name(), template.namespace(),
                                template.name(), null)));
            }
        }
        // a namespace the files only use (no Namespace object) is still one of the cluster's
        objects.stream().filter(object -> object.workloadTemplate().isPresent())
                .forEach(object -> namespaceLabels.putIfAbsent(object.workloadTemplate().get().namespace(), Map.of()));
        return new ClusterSubject(NAME, namespaceLabels, List.copyOf(refs), Set.of());
    }
}
