package io.posture.benchmark;

/** A custom benchmark was added, replaced or removed: scores that use it are out of date. */
public record BenchmarkCatalogChanged(String benchmarkId) {
}
