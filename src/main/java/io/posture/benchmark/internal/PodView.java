package io.posture.benchmark.internal;

import io.posture.benchmark.PodSubject;
import io.posture.shared.ImageFacts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;

/** Navigation over a pod spec that keeps track of the path of every field, for evidence. */
public final class PodView {

    public static final List<String> ALL_CONTAINER_FIELDS = List.of("containers", "initContainers", "ephemeralContainers");
    public static final List<String> NON_EPHEMERAL_CONTAINER_FIELDS = List.of("containers", "initContainers");

    private final PodSubject subject;

    public PodView(PodSubject subject) {
        this.subject = subject;
    }

    public JsonNode spec() {
        return subject.podSpec() == null ? MissingNode.getInstance() : subject.podSpec();
    }

    /** What Posture knows of the images the containers run. */
    /** What the pod's ServiceAccount sets for automountServiceAccountToken; null when nothing or not known. */
    public Boolean serviceAccountAutomount() {
        return subject.serviceAccountAutomount();
    }

    public ImageFacts.ByReference images() {
        return subject.images() == null ? ImageFacts.ByReference.none(java.time.Instant.EPOCH) : subject.images();
    }

    public JsonNode annotations() {
        return subject.podMetadata() == null ? MissingNode.getInstance() : subject.podMetadata().path("annotations");
    }

    /** The labels of the workload (or pod) itself, as required-label rules check them. */
    public JsonNode labels() {
        return subject.podMetadata() == null ? MissingNode.getInstance() : subject.podMetadata().path("labels");
    }

    public String labelPath(String key) {
        return "metadata.labels['" + key + "']";
    }

    public String specPath(String relative) {
        return subject.specPath().isEmpty() ? relative : subject.specPath() + "." + relative;
    }

    public String annotationPath(String key) {
        var prefix = subject.metadataPath().isEmpty() ? "metadata" : subject.metadataPath();
        return prefix + ".annotations['" + key + "']";
    }

    public boolean isWindows() {
        return "windows".equalsIgnoreCase(text(spec().path("os").path("name")));
    }

    public boolean hostUsersDisabled() {
        var hostUsers = spec().path("hostUsers");
        return hostUsers.isBoolean() && !hostUsers.asBoolean();
    }

    public List<ContainerView> containers(List<String> fields) {
        var result = new ArrayList<ContainerView>();
        for (var field : fields) {
            int index = 0;
            for (var container : spec().path(field)) {
                var name = text(container.path("name"));
                var selector = name == null ? String.valueOf(index) : "name=" + name;
                result.add(new ContainerView(container, specPath(field + "[" + selector + "]")));
                index++;
            }
        }
        return result;
    }

    public List<ContainerView> allContainers() {
        return containers(ALL_CONTAINER_FIELDS);
    }

    public int containerCount() {
        return allContainers().size();
    }

    /** Text of a scalar node, or null when the field is absent, null or not a scalar. */
    public static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asString() : null;
    }

    public static boolean isTrue(JsonNode node) {
        return node.isBoolean() ? node.asBoolean() : "true".equalsIgnoreCase(text(node));
    }

    public static boolean isFalse(JsonNode node) {
        return node.isBoolean() ? !node.asBoolean() : "false".equalsIgnoreCase(text(node));
    }

    public static String render(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "<unset>";
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    public record ContainerView(JsonNode node, String path) {

        public JsonNode securityContext() {
            return node.path("securityContext");
        }

        public String field(String relative) {
            return path + "." + relative;
        }
    }
}
