package io.posture.evidence.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The instance's Ed25519 key for evidence packages (JDK only). Created on first use in
 * {@code posture.evidence.signing-key} (private key PKCS#8 and public key X.509, Base64, one per
 * line; readable by the owner only), so every package of this instance is signed by the same key.
 */
@Component
public class EvidenceSigner {

    private final Path keyFile;
    private KeyPair keys;

    EvidenceSigner(@Value("${posture.evidence.signing-key:data/evidence-signing.key}") Path keyFile) {
        this.keyFile = keyFile;
    }

    public synchronized byte[] sign(byte[] content) {
        try {
            var signature = Signature.getInstance("Ed25519");
            signature.initSign(keys().getPrivate());
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The public key, X.509 encoded, as packages carry it and {@code posture verify} reads it. */
    public synchronized byte[] publicKey() {
        return keys().getPublic().getEncoded();
    }

    private KeyPair keys() {
        if (keys == null) {
            keys = Files.exists(keyFile) ? load() : create();
        }
        return keys;
    }

    private KeyPair load() {
        try {
            var lines = Files.readAllLines(keyFile, StandardCharsets.US_ASCII);
            var factory = KeyFactory.getInstance("Ed25519");
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1)))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(keyFile + " is not an evidence signing key (two Base64 lines: PKCS#8 private, X.509 public)", e);
        }
    }

    private KeyPair create() {
        try {
            var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            if (keyFile.getParent() != null) {
                Files.createDirectories(keyFile.getParent());
            }
            var encoder = Base64.getEncoder();
            Files.writeString(keyFile, encoder.encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + encoder.encodeToString(pair.getPublic().getEncoded()) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its defaults
            }
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }
}
