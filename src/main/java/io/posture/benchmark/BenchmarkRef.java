package io.posture.benchmark;

/**
 * A benchmark reference as users write it: {@code pss-restricted} (latest policy) or
 * {@code pss-restricted@v1.33} (pinned).
 */
public record BenchmarkRef(String benchmarkId, PolicyVersion pinnedVersion) {

    public static BenchmarkRef parse(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return new BenchmarkRef(text.trim(), null);
        }
        return new BenchmarkRef(text.substring(0, at).trim(), PolicyVersion.parse(text.substring(at + 1)));
    }

    public PolicyVersion versionFor(Benchmark benchmark) {
        return pinnedVersion != null ? pinnedVersion : benchmark.latestVersion();
    }

    @Override
    public String toString() {
        return pinnedVersion == null ? benchmarkId : benchmarkId + "@" + pinnedVersion;
    }
}
