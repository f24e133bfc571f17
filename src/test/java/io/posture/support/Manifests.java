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
