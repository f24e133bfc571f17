package io.posture.findings;

import io.posture.benchmark.ControlKey;
import io.posture.shared.Sha256;

import java.nio.charset.StandardCharsets;

/**
 * The identity of a finding: SHA-256 over cluster, kind, namespace, name and control (benchmark
 * and control id: ids repeat across benchmarks). It does not depend on database ids, run ids or
 * evidence, so it is the same across runs, re-imports and instances, and the same problem seen by
 * two benchmarks that share a rule is one finding (the control that stands for it: see
 * {@code BenchmarkCatalog.problem}).
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String cluster, String kind, String namespace, String name, ControlKey control) {
        return Sha256.hex(String.join("\u0000", cluster, kind, namespace, name, control.benchmarkId(), control.controlId())
                .getBytes(StandardCharsets.UTF_8));
    }
}
