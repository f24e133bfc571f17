package io.posture.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Identifiers for OSCAL documents: name-based version 5 UUIDs (OSCAL accepts versions 4 and 5), so
 * the same evidence always gets the same ids and an export is reproducible; and OSCAL tokens.
 */
final class OscalIds {

    static final String OSCAL_VERSION = "1.1.2";
    static final String NAMESPACE = "urn:posture:oscal";
    private static final UUID POSTURE = UUID.fromString("6f1c3e0a-52d4-4c8e-9b7a-3d2f1e0c9b8a");

    private OscalIds() {
    }

    /** RFC 4122 version 5: SHA-1 of the namespace and the name. */
    static String of(String kind, String name) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(POSTURE));
            sha1.update((kind + ":" + name).getBytes(StandardCharsets.UTF_8));
            var hash = sha1.digest();
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long most = 0;
            long least = 0;
            for (int i = 0; i < 8; i++) {
                most = (most << 8) | (hash[i] & 0xff);
                least = (least << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(most, least).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OSCAL token: starts with a letter or underscore, then letters, digits, '.', '-', '_'. */
    static String token(String text) {
        var cleaned = text.replaceAll("[^\\p{L}\\p{N}._-]", "-");
        return cleaned.isEmpty() || !(Character.isLetter(cleaned.charAt(0)) || cleaned.charAt(0) == '_') ? "_" + cleaned : cleaned;
    }

    private static byte[] toBytes(UUID uuid) {
        var bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (uuid.getMostSignificantBits() >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (uuid.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return bytes;
    }
}
