package io.posture.evidence;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

/**
 * Checks an evidence package without Posture running: {@code manifest.json} must carry the
 * SHA-256 of every other file and nothing else may be in the zip, and {@code manifest.sig} must
 * be the Ed25519 signature of the manifest by {@code public-key.der}. The key's fingerprint is
 * reported so that it can be compared with the one the instance shows.
 */
public final class EvidencePackages {

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String PUBLIC_KEY = "public-key.der";
    private static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

    /** The outcome: valid or not, why not, and the fingerprint (SHA-256 of the public key) of the key that signed. */
    public record Verification(boolean valid, List<String> problems, String keyFingerprint, int files) {
    }

    private EvidencePackages() {
    }

    public static Verification verify(byte[] zip) {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                var content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_ENTRY_BYTES + 1));
                if (content.length > MAX_ENTRY_BYTES || entries.put(entry.getName(), content) != null) {
                    return invalid("the package holds an oversized or duplicated entry: " + entry.getName());
                }
            }
        } catch (IOException e) {
            return invalid("not a zip file: " + e.getMessage());
        }
        var manifest = entries.get(MANIFEST);
        var signature = entries.get(SIGNATURE);
        var publicKey = entries.get(PUBLIC_KEY);
        if (manifest == null || signature == null || publicKey == null) {
            return invalid("not an evidence package: " + MANIFEST + ", " + SIGNATURE + " and " + PUBLIC_KEY + " are required");
        }
        var problems = new ArrayList<String>();
        var fingerprint = hex(sha256(publicKey));
        try {
            var verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey)));
            verifier.update(manifest);
            if (!verifier.verify(Base64.getDecoder().decode(new String(signature, java.nio.charset.StandardCharsets.US_ASCII).trim()))) {
                problems.add("the signature does not match the manifest: the manifest was changed or signed by another key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            problems.add("the signature or public key cannot be read: " + e.getMessage());
        }
        JsonNode files;
        try {
            files = JsonMapper.builder().build().readTree(manifest).path("files");
        } catch (JacksonException e) {
            return new Verification(false, List.of("the manifest is not JSON: " + e.getOriginalMessage()), fingerprint, 0);
        }
        Map<String, String> listed = new LinkedHashMap<>();
        files.forEach(file -> listed.put(file.path("path").asString(), file.path("sha256").asString()));
        listed.forEach((path, expected) -> {
            var content = entries.get(path);
            if (content == null) {
                problems.add(path + " is listed in the manifest but missing");
            } else if (!hex(sha256(content)).equals(expected)) {
                problems.add(path + " was changed: its SHA-256 is not the one in the manifest");
            }
        });
        entries.keySet().stream().filter(name -> !listed.containsKey(name) && !List.of(MANIFEST, SIGNATURE, PUBLIC_KEY).contains(name))
                .forEach(name -> problems.add(name + " is not listed in the manifest"));
        return new Verification(problems.isEmpty(), List.copyOf(problems), fingerprint, listed.size());
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static Verification invalid(String problem) {
        return new Verification(false, List.of(problem), null, 0);
    }
}
