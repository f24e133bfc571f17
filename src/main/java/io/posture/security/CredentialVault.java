package io.posture.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts credentials for clusters and registries at rest with AES-256-GCM. The key comes from
 * configuration or the environment ({@code POSTURE_CREDENTIALS_KEY}, 32 bytes in Base64), never
 * from the database, so a copy of the database alone reveals no credential.
 */
@Component
public class CredentialVault {

    private static final String PREFIX = "aesgcm1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    CredentialVault(@Value("${posture.credentials.key:}") String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            key = null;
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("posture.credentials.key must be Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("posture.credentials.key must be 32 bytes (256 bits) in Base64, not " + bytes.length);
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    public boolean configured() {
        return key != null;
    }

    public String encrypt(String plaintext) {
        requireKey();
        var iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            var sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a credential", e);
        }
    }

    public String decrypt(String stored) {
        requireKey();
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an encrypted credential");
        }
        var bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored credential could not be decrypted: was posture.credentials.key changed?", e);
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new IllegalStateException("Credentials cannot be stored or used without an encryption key: set POSTURE_CREDENTIALS_KEY "
                    + "(32 random bytes in Base64, e.g. from `openssl rand -base64 32`)");
        }
    }
}
