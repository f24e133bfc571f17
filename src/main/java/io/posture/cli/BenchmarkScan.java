package io.posture.cli;

import io.posture.benchmark.Benchmark;

import java.util.List;

/** One benchmark's results of a scan, as the SARIF and JUnit reports write them. */
record BenchmarkScan(Benchmark benchmark, List<ScanResult> results) {
}
