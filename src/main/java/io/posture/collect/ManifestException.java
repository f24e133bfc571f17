package io.posture.collect;

/** A manifest file that cannot be read; the message is written for the user and names the problem. */
public class ManifestException extends RuntimeException {
    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
