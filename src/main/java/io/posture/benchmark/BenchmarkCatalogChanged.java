package io.posture.benchmark;

/** A custom benchmark was added or replaced: scores that use it are out of date. */
public record BenchmarkCatalogChanged(String benchmarkId) {
}
