package io.posture.shared;

import java.time.Instant;
import java.util.List;

/**
 * What Posture knows about the image a container runs, as image rules read it. A null field is
 * unknown (never collected from a registry, never scanned): rules report UNKNOWN rather than guess.
 *
 * @param digest            the manifest digest, when known
 * @param signed            whether a signature was found in the registry (referrers API or cosign tag)
 * @param configUser        the image config's {@code User}; empty means root
 * @param created           the image config's creation time
 * @param lastScanned       when its latest vulnerability scan was imported
 * @param fixableCriticalHigh critical and high vulnerabilities with a fixed version, most severe first
 * @param knownExploited    its vulnerabilities that CISA's KEV catalogue lists; null when no catalogue was imported
 */
public record ImageFacts(String digest, Boolean signed, String configUser, Instant created, Instant lastScanned,
                         List<String> fixableCriticalHigh, List<String> knownExploited) {

    public static final ImageFacts UNKNOWN = new ImageFacts(null, null, null, null, null, List.of(), null);

    /** The facts of the images a cluster runs, by image reference as written, as of an instant. */
    public record ByReference(Instant asOf, java.util.Map<String, ImageFacts> facts) {

        public static ByReference none(Instant asOf) {
            return new ByReference(asOf, java.util.Map.of());
        }

        public ImageFacts of(String reference) {
            return facts.getOrDefault(reference, UNKNOWN);
        }
    }
}
