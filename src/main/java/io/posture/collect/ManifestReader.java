package io.posture.collect;

import io.posture.collect.internal.ManifestSchema;
import io.posture.shared.InputLimits;
import io.posture.shared.SafeYaml;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads what {@code kubectl get -o yaml|json} and {@code helm template} write: a single object, a
 * List, multi-document YAML, folders of such files, and plain JSON arrays without {@code kind}
 * whose kind is in the file name ({@code Pods.json}). Within a file, each object is read or refused on
 * its own; a file too large or not text is refused whole.
 */
public class ManifestReader {

    public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** JSON is parsed within the same bounds as YAML: nesting, text length and a number of tokens. */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(InputLimits.MANIFESTS.maxNesting())
                    .maxStringLength(InputLimits.MANIFESTS.maxScalarLength())
                    .maxTokenCount(2L * InputLimits.MANIFESTS.maxValues())
                    .build())
            .build()).build();
    /**
     * Every built-in kind of Kubernetes 1.34 with its resource name, as a kind-less dump names its
     * file ({@code PersistentVolumeClaims.json}, {@code storageclass.yaml}): by resource name or by
     * kind, any case. Objects of kinds Posture does not check are read like any other and then left
     * out of the inventory.
     */
    private static final Map<String, String> KIND_BY_FILE_NAME = byFileName(
            // core/v1
            "Binding:bindings", "ComponentStatus:componentstatuses", "ConfigMap:configmaps", "Endpoints:endpoints",
            "Event:events", "LimitRange:limitranges", "Namespace:namespaces", "Node:nodes",
            "PersistentVolume:persistentvolumes", "PersistentVolumeClaim:persistentvolumeclaims", "Pod:pods",
            "PodTemplate:podtemplates", "ReplicationController:replicationcontrollers", "ResourceQuota:resourcequotas",
            "Secret:secrets", "Service:services", "ServiceAccount:serviceaccounts",
            // admissionregistration, apiextensions, apiregistration
            "MutatingWebhookConfiguration:mutatingwebhookconfigurations",
            "ValidatingWebhookConfiguration:validatingwebhookconfigurations",
            "ValidatingAdmissionPolicy:validatingadmissionpolicies",
            "ValidatingAdmissionPolicyBinding:validatingadmissionpolicybindings",
            "MutatingAdmissionPolicy:mutatingadmissionpolicies", "MutatingAdmissionPolicyBinding:mutatingadmissionpolicybindings",
            "CustomResourceDefinition:customresourcedefinitions", "APIService:apiservices",
            // apps, autoscaling, batch, policy
            "ControllerRevision:controllerrevisions", "DaemonSet:daemonsets", "Deployment:deployments", "ReplicaSet:replicasets",
            "StatefulSet:statefulsets", "HorizontalPodAutoscaler:horizontalpodautoscalers", "CronJob:cronjobs", "Job:jobs",
            "PodDisruptionBudget:poddisruptionbudgets",
            // authentication, authorization, certificates, coordination, discovery, flowcontrol
            "TokenReview:tokenreviews", "SelfSubjectReview:selfsubjectreviews",
            "LocalSubjectAccessReview:localsubjectaccessreviews", "SelfSubjectAccessReview:selfsubjectaccessreviews",
            "SelfSubjectRulesReview:selfsubjectrulesreviews", "SubjectAccessReview:subjectaccessreviews",
            "CertificateSigningRequest:certificatesigningrequests", "ClusterTrustBundle:clustertrustbundles",
            "Lease:leases", "EndpointSlice:endpointslices", "FlowSchema:flowschemas",
            "PriorityLevelConfiguration:prioritylevelconfigurations",
            // networking, node, rbac, resource, scheduling, storage
            "Ingress:ingresses", "IngressClass:ingressclasses", "NetworkPolicy:networkpolicies", "IPAddress:ipaddresses",
            "ServiceCIDR:servicecidrs", "RuntimeClass:runtimeclasses", "ClusterRole:clusterroles",
            "ClusterRoleBinding:clusterrolebindings", "Role:roles", "RoleBinding:rolebindings", "DeviceClass:deviceclasses",
            "ResourceClaim:resourceclaims", "ResourceClaimTemplate:resourceclaimtemplates", "ResourceSlice:resourceslices",
            "PriorityClass:priorityclasses", "CSIDriver:csidrivers", "CSINode:csinodes",
            "CSIStorageCapacity:csistoragecapacities", "StorageClass:storageclasses", "VolumeAttachment:volumeattachments",
            "VolumeAttributesClass:volumeattributesclasses");

    private final long maxFileBytes;

    public ManifestReader() {
        this(DEFAULT_MAX_FILE_BYTES);
    }

    public ManifestReader(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** The manifest files at a path (the path itself, or the YAML and JSON files below a folder), in a stable order. */
    public List<Path> files(Path path) {
        if (!Files.exists(path)) {
            throw new ManifestException(path + ": no such file or folder");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(ManifestReader::isManifestFile).sorted().toList();
        } catch (IOException e) {
            throw new ManifestException(path + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    /** All objects in one file and those refused; {@code displayName} is how results will name the file. */
    public Contents read(Path file, String displayName) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ManifestException("cannot read the file (" + e.getMessage() + ")", e);
        }
        if (size > maxFileBytes) {
            throw new ManifestException("the file is " + megabytes(size) + ", larger than the limit of "
                    + megabytes(maxFileBytes) + "; split it or raise posture.import.max-file-size");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ManifestException("not a text file (not valid UTF-8)", e);
        } catch (IOException e) {
            throw new ManifestException("cannot read the file (" + e.getMessage() + ")", e);
        }
        return parse(text, file.getFileName().toString(), displayName);
    }

    /**
     * Objects in a manifest text; {@code fileName} may name the kind of kind-less arrays. Each
     * document, and each item of a list, stands on its own: one that cannot be read is refused
     * with its reason, and the others are kept.
     */
    public Contents parse(String text, String fileName, String displayName) {
        var objects = new ArrayList<ManifestObject>();
        var refused = new ArrayList<Refused>();
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
            addDocument(readJson(text), 1, fileName, displayName, "the file", objects, refused);
        } else {
            var documents = SafeYaml.readDocuments(text, (int) Math.min(Integer.MAX_VALUE, maxFileBytes), InputLimits.MANIFESTS);
            for (var document : documents) {
                var where = documents.size() > 1 ? "document " + document.index() + " (line " + document.line() + ")" : "the file";
                if (document.problem() != null) {
                    refused.add(new Refused(where, (document.malformed() ? "malformed YAML: " : "refused: ") + document.problem()));
                } else {
                    addDocument(document.root(), document.line(), fileName, displayName, where, objects, refused);
                }
            }
        }
        if (objects.isEmpty() && refused.isEmpty()) {
            throw new ManifestException("no Kubernetes objects in the file (it is empty)");
        }
        if (objects.size() > InputLimits.MANIFESTS.maxListItems()) {
            throw new ManifestException("the file holds " + objects.size() + " objects, more than the "
                    + InputLimits.MANIFESTS.maxListItems() + " one file may hold; split it");
        }
        return new Contents(List.copyOf(objects), List.copyOf(refused));
    }

    /** The objects a file holds and those refused, each with where it is in the file and why. */
    public record Contents(List<ManifestObject> objects, List<Refused> refused) {
    }

    /** An object (or document) that was not read; {@code where} places it in its file. */
    public record Refused(String where, String reason) {

        @Override
        public String toString() {
            return where + ": " + reason;
        }
    }

    private static JsonNode readJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new ManifestException("refused: " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new ManifestException("malformed JSON: " + e.getOriginalMessage(), e);
        }
        try {
            checkListSizes(root);
        } catch (InputLimits.LimitExceeded e) {
            throw new ManifestException("refused: " + e.getMessage(), e);
        }
        return root;
    }

    /** JSON is bounded in depth, text length and tokens by the parser; the items of one list are bounded here. */
    private static void checkListSizes(JsonNode root) {
        var pending = new ArrayDeque<JsonNode>();
        pending.push(root);
        while (!pending.isEmpty()) {
            var node = pending.pop();
            if (node.isContainer()) {
                InputLimits.MANIFESTS.checkListItems(node.size(), node.isArray() ? "a list" : "an object");
                node.forEach(pending::push);
            }
        }
    }

    private void addDocument(JsonNode document, int line, String fileName, String displayName, String where,
                             List<ManifestObject> objects, List<Refused> refused) {
        if (document.isArray()) {
            String kind;
            try {
                kind = kindFromFileName(fileName, where);
            } catch (ManifestException e) {
                refused.add(new Refused(where, e.getMessage()));
                return;
            }
            int index = 0;
            for (var item : document) {
                addObject(item, kind, displayName, line, where + ", item " + ++index, objects, refused);
            }
        } else if (document.isObject()) {
            var kind = document.path("kind").asString("");
            if (kind.endsWith("List") && document.path("items").isArray()) {
                // kubectl writes "List"; API list types (PodList) leave kind off their items.
                var itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - "List".length());
                int index = 0;
                for (var item : document.path("items")) {
                    addObject(item, itemKind, displayName, line, where + ", items[" + index++ + "]", objects, refused);
                }
            } else {
                addObject(document, null, displayName, line, where, objects, refused);
            }
        } else if (!document.isNull() && !document.isMissingNode()) {
            refused.add(new Refused(where, "not a Kubernetes object but " + document.getNodeType().name()
                    .toLowerCase(Locale.ROOT) + " '" + abbreviate(document.asString()) + "'"));
        }
    }

    private static void addObject(JsonNode node, String impliedKind, String file, int line, String where,
                                  List<ManifestObject> objects, List<Refused> refused) {
        if (!node.isObject()) {
            refused.add(new Refused(where, "a " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + " where a Kubernetes object was expected"));
            return;
        }
        var kind = node.path("kind").isString() ? node.path("kind").asString() : impliedKind;
        if (kind == null || kind.isBlank()) {
            refused.add(new Refused(where, "no 'kind': not a Kubernetes manifest"));
            return;
        }
        var metadata = node.path("metadata");
        var name = metadata.path("name").isString() ? metadata.path("name").asString() : null;
        if (name == null || name.isBlank()) {
            refused.add(new Refused(where, "a " + abbreviate(kind) + " without metadata.name"));
            return;
        }
        var label = where + " (" + abbreviate(kind) + " " + abbreviate(name) + ")";
        var problems = ManifestSchema.problems(kind, node);
        if (!problems.isEmpty()) {
            refused.add(new Refused(label, String.join("; ", problems)));
            return;
        }
        var namespace = metadata.path("namespace").isString() ? metadata.path("namespace").asString() : null;
        objects.add(new ManifestObject(file, line, kind, node.path("apiVersion").asString(""), namespace, name, node));
    }

    private static Map<String, String> byFileName(String... kindsAndResources) {
        var byName = new java.util.HashMap<String, String>();
        for (var entry : kindsAndResources) {
            var kind = entry.substring(0, entry.indexOf(':'));
            byName.put(entry.substring(entry.indexOf(':') + 1), kind);
            byName.put(kind.toLowerCase(Locale.ROOT), kind);
        }
        return Map.copyOf(byName);
    }

    private static String kindFromFileName(String fileName, String where) {
        var base = fileName.replaceFirst("\\.[^.]+$", "").toLowerCase(Locale.ROOT);
        var kind = KIND_BY_FILE_NAME.get(base);
        if (kind == null) {
            throw new ManifestException(where + " is a list of objects without 'kind', and the file name '" + fileName
                    + "' names no kind (expected e.g. Pods.json)");
        }
        return kind;
    }

    private static boolean isManifestFile(Path path) {
        var name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
