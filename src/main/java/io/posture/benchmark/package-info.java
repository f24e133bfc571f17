/**
 * Benchmark catalogue: benchmarks as data (YAML in the jar) and the reusable rules that decide
 * automated controls. Evaluates a pod spec without touching the database, so the CLI and the
 * scoring service share one implementation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benchmarks")
package io.posture.benchmark;
