package io.posture.benchmark;

import java.util.regex.Pattern;

/** A Kubernetes policy version such as {@code v1.33}; checks apply from the version they were introduced in. */
public record PolicyVersion(int major, int minor) implements Comparable<PolicyVersion> {

    private static final Pattern FORMAT = Pattern.compile("v?(\\d+)\\.(\\d+)");

    public static PolicyVersion parse(String text) {
        var matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a policy version: '" + text + "' (expected e.g. v1.33)");
        }
        return new PolicyVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public static PolicyVersion of(int major, int minor) {
        return new PolicyVersion(major, minor);
    }

    public boolean isAtLeast(PolicyVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(PolicyVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor;
    }
}
