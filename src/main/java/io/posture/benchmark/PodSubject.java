package io.posture.benchmark;

import io.posture.shared.ImageFacts;
import tools.jackson.databind.JsonNode;

/**
 * A pod or a workload's pod template as the rules see it. {@code specPath} is where the pod spec
 * sits in the original object ({@code spec} for a Pod, {@code spec.template.spec} for a
 * Deployment), so evidence paths point at the field a user has to edit. {@code images} is what
 * Posture knows of the images the containers run (nothing, in a CLI scan).
 */
public record PodSubject(String kind, String namespace, String name, JsonNode podMetadata, JsonNode podSpec,
                         String specPath, String metadataPath, ImageFacts.ByReference images) {
}
