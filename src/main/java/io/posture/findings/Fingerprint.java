package io.posture.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a finding: SHA-256 over cluster, kind, namespace, name and control. It does not
 * depend on database ids, run ids or evidence, so it is the same across runs, re-imports and
 * instances, and the same problem seen by two benchmarks that share a control is one finding.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String cluster, String kind, String namespace, String name, String controlId) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var key = String.join("\u0000", cluster, kind, namespace, name, controlId);
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
