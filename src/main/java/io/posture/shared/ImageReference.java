package io.posture.shared;

/**
 * An image reference as Docker and Kubernetes read it: {@code [registry/]repository[:tag][@digest]}.
 * A first path segment with a dot, a colon or {@code localhost} is a registry; otherwise the
 * image comes from Docker Hub ({@code docker.io}), with {@code library/} for single names.
 */
public record ImageReference(String text, String registry, String repository, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";

    /** The parsed reference, or null for a blank one. */
    /**
     * The reference grammar of the distribution spec (github.com/distribution/reference): an
     * optional registry host, lower-case path components, an optional tag and digest.
     */
    private static final java.util.regex.Pattern WELL_FORMED = java.util.regex.Pattern.compile(
            "(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?"
                    + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                    + "(?::[\\w][\\w.-]{0,127})?(?:@[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,})?");

    /** Whether the text is an image reference at all (as a scanner's report must name one), at most 1,024 characters. */
    public static boolean isWellFormed(String text) {
        return text != null && text.length() <= 1024 && WELL_FORMED.matcher(text).matches();
    }

    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var rest = text.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        var registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            var first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return new ImageReference(text.trim(), registry, rest, tag, digest);
    }
}
