package io.posture.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small builders for manifest files in tests. */
public final class Manifests {

    private Manifests() {
    }

    public static String deployment(String namespace, String name, String image, String containerSecurityContext) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: %s}
                spec:
                  template:
                    spec:
                      containers:
                      - name: %s
                        image: %s
                        securityContext: %s
                        env:
                        - {name: DB_PASSWORD, value: hunter2-literal}
                """.formatted(name, namespace, name, image, containerSecurityContext);
    }

    /** A ServiceAccount that sets automountServiceAccountToken as given. */
    public static String serviceAccount(String namespace, String name, boolean automountToken) {
        return "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: %s, namespace: %s}\nautomountServiceAccountToken: %s\n"
                .formatted(name, namespace, automountToken);
    }

    /** {@link #deployment} whose pods run as the named ServiceAccount. */
    public static String deploymentAs(String serviceAccount, String namespace, String name, String image, String securityContext) {
        return deployment(namespace, name, image, securityContext)
                .replace("containers:", "serviceAccountName: " + serviceAccount + "\n      containers:");
    }

    public static String namespace(String name, String team) {
        return "apiVersion: v1\nkind: Namespace\nmetadata: {name: %s, labels: {team: %s}}\n".formatted(name, team);
    }

    public static Path write(Path folder, String file, String content) {
        try {
            var path = folder.resolve(file);
            Files.createDirectories(path.getParent());
            return Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
