package io.posture.collect;

import java.time.Instant;
import java.util.List;

/** Registry connections as pages show and edit them; a credential is never shown, only whether one is set. */
public final class RegistryViews {

    private RegistryViews() {
    }

    /** ANONYMOUS: no credential; BASIC: user and password, also used to get bearer tokens; TOKEN: a fixed bearer token. */
    public enum AuthKind { ANONYMOUS, BASIC, TOKEN }

    public record RegistrySummary(long id, String name, String url, AuthKind authKind, String username,
                                  boolean credentialSet, List<String> repositories, Instant updatedAt) {
    }

    /** {@code secret} blank keeps the stored one; {@code repositories} empty means the whole catalog. */
    public record RegistryForm(String name, String url, AuthKind authKind, String username, String secret,
                               List<String> repositories) {
    }
}
