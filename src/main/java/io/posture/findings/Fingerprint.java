package io.posture.findings;

import io.posture.shared.Sha256;

import java.nio.charset.StandardCharsets;

/**
 * The identity of a finding: SHA-256 over cluster, kind, namespace, name and control. It does not
 * depend on database ids, run ids or evidence, so it is the same across runs, re-imports and
 * instances, and the same problem seen by two benchmarks that share a control is one finding.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String cluster, String kind, String namespace, String name, String controlId) {
        return Sha256.hex(String.join("\u0000", cluster, kind, namespace, name, controlId).getBytes(StandardCharsets.UTF_8));
    }
}
