package io.posture.collect;

import io.posture.shared.SafeYaml;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads what {@code kubectl get -o yaml|json} and {@code helm template} write: a single object, a
 * List, multi-document YAML, folders of such files, and plain JSON arrays without {@code kind}
 * whose kind is in the file name ({@code Pods.json}). A file is read whole or rejected whole.
 */
public class ManifestReader {

    public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> KIND_BY_FILE_NAME = Map.ofEntries(
            Map.entry("pods", "Pod"), Map.entry("deployments", "Deployment"), Map.entry("statefulsets", "StatefulSet"),
            Map.entry("daemonsets", "DaemonSet"), Map.entry("jobs", "Job"), Map.entry("cronjobs", "CronJob"),
            Map.entry("replicasets", "ReplicaSet"), Map.entry("namespaces", "Namespace"),
            Map.entry("serviceaccounts", "ServiceAccount"), Map.entry("roles", "Role"),
            Map.entry("clusterroles", "ClusterRole"), Map.entry("rolebindings", "RoleBinding"),
            Map.entry("clusterrolebindings", "ClusterRoleBinding"), Map.entry("networkpolicies", "NetworkPolicy"),
            Map.entry("services", "Service"), Map.entry("configmaps", "ConfigMap"), Map.entry("secrets", "Secret"),
            Map.entry("nodes", "Node"), Map.entry("ingresses", "Ingress"));

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

    /** All objects in one file; {@code displayName} is how results will name the file. */
    public List<ManifestObject> read(Path file, String displayName) {
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

    /** Objects in a manifest text; {@code fileName} may name the kind of kind-less arrays. */
    public List<ManifestObject> parse(String text, String fileName, String displayName) {
        List<JsonNode> documents;
        try {
            documents = fileName.toLowerCase(Locale.ROOT).endsWith(".json")
                    ? List.of(JSON.readTree(text))
                    : SafeYaml.readAll(new StringReader(text), (int) Math.min(Integer.MAX_VALUE, maxFileBytes));
        } catch (SafeYaml.InvalidYamlException e) {
            throw new ManifestException("malformed YAML: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new ManifestException("malformed JSON: " + e.getOriginalMessage(), e);
        }
        var objects = new ArrayList<ManifestObject>();
        int index = 0;
        for (var document : documents) {
            index++;
            var where = documents.size() > 1 ? "document " + index : "the file";
            if (document.isArray()) {
                var kind = kindFromFileName(fileName, where);
                for (var item : document) {
                    objects.add(toObject(item, kind, displayName, where));
                }
            } else if (document.isObject()) {
                addObjectOrList(document, displayName, where, objects);
            } else if (!document.isNull() && !document.isMissingNode()) {
                throw new ManifestException(where + " is not a Kubernetes object but " + document.getNodeType()
                        .name().toLowerCase(Locale.ROOT) + " '" + abbreviate(document.asString()) + "'");
            }
        }
        if (objects.isEmpty()) {
            throw new ManifestException("no Kubernetes objects in the file (it is empty)");
        }
        return objects;
    }

    private void addObjectOrList(JsonNode document, String displayName, String where, List<ManifestObject> objects) {
        var kind = document.path("kind").asString("");
        if (kind.endsWith("List") && document.path("items").isArray()) {
            // kubectl writes "List"; API list types (PodList) leave kind off their items.
            var itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - "List".length());
            for (var item : document.path("items")) {
                objects.add(toObject(item, itemKind, displayName, where));
            }
        } else {
            objects.add(toObject(document, null, displayName, where));
        }
    }

    private ManifestObject toObject(JsonNode node, String impliedKind, String file, String where) {
        if (!node.isObject()) {
            throw new ManifestException(where + " holds a " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + " where a Kubernetes object was expected");
        }
        var kind = node.path("kind").isString() ? node.path("kind").asString() : impliedKind;
        if (kind == null || kind.isBlank()) {
            throw new ManifestException(where + " has no 'kind': not a Kubernetes manifest");
        }
        var metadata = node.path("metadata");
        var name = metadata.path("name").isString() ? metadata.path("name").asString() : null;
        if (name == null || name.isBlank()) {
            throw new ManifestException(where + ": a " + kind + " without metadata.name");
        }
        var namespace = metadata.path("namespace").isString() ? metadata.path("namespace").asString() : null;
        return new ManifestObject(file, kind, node.path("apiVersion").asString(""), namespace, name, node);
    }

    private static String kindFromFileName(String fileName, String where) {
        var base = fileName.replaceFirst("\\.[^.]+$", "").toLowerCase(Locale.ROOT);
        var kind = KIND_BY_FILE_NAME.get(base);
        if (kind == null) {
            kind = KIND_BY_FILE_NAME.get(base + "s");
        }
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
