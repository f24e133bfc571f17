package io.posture.benchmark;

import io.posture.shared.ImageFacts;
import tools.jackson.databind.JsonNode;

/**
 * A pod or a workload's pod template as the rules see it. {@code specPath} is where the pod spec
 * sits in the original object ({@code spec} for a Pod, {@code spec.template.spec} for a
 * Deployment), so evidence paths point at the field a user has to edit. {@code images} is what
 * Posture knows of the images the containers run (nothing, in a CLI scan). {@code
 * serviceAccountAutomount} is what the pod's ServiceAccount sets for automountServiceAccountToken,
 * null when it sets nothing or is not known: the pod's own setting wins over it, as in Kubernetes.
 */
public record PodSubject(String kind, String namespace, String name, JsonNode podMetadata, JsonNode podSpec,
                         String specPath, String metadataPath, ImageFacts.ByReference images,
                         Boolean serviceAccountAutomount) {

    /** A subject whose ServiceAccount is not known: a pod that leaves the token setting unset mounts it. */
    public PodSubject(String kind, String namespace, String name, JsonNode podMetadata, JsonNode podSpec,
                      String specPath, String metadataPath, ImageFacts.ByReference images) {
        this(kind, namespace, name, podMetadata, podSpec, specPath, metadataPath, images, null);
    }
}
