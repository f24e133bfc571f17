package io.posture.cli;

import io.posture.evidence.EvidencePackages;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code posture verify PACKAGE.zip [--key-fingerprint HEX]}: checks an evidence package offline.
 * Exit codes: 0 intact and signed (by the expected key, when one is given), 1 tampered or signed by
 * another key, 2 bad usage or an unreadable file.
 */
final class VerifyCommand {

    private final PrintStream out;
    private final PrintStream err;

    VerifyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Path file = null;
        String expectedKey = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--key-fingerprint") && i + 1 < args.length) {
                expectedKey = args[++i].trim().toLowerCase(java.util.Locale.ROOT);
            } else if (file == null) {
                file = Path.of(args[i]);
            } else {
                file = null;
                break;
            }
        }
        if (file == null) {
            err.println("usage: posture verify PACKAGE.zip [--key-fingerprint HEX]");
            return 2;
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println(file + ": cannot be read (" + e.getMessage() + ")");
            return 2;
        }
        var verification = EvidencePackages.verify(content);
        if (verification.valid() && expectedKey != null && !expectedKey.equals(verification.keyFingerprint())) {
            err.println(file + ": INVALID: signed by key " + verification.keyFingerprint() + ", not by " + expectedKey);
            return 1;
        }
        if (!verification.valid()) {
            err.println(file + ": INVALID");
            verification.problems().forEach(problem -> err.println("  " + problem));
            return 1;
        }
        out.println(file + ": valid: " + verification.files() + " files intact, manifest signed by key " + verification.keyFingerprint()
                + (expectedKey == null ? " (compare it with the fingerprint on Posture's Evidence page)" : ", the expected one"));
        return 0;
    }
}
