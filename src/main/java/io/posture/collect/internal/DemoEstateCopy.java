package io.posture.collect.internal;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The demo estate the jar carries (under {@code posture-demo/} on the class path), copied into a
 * temporary folder: the importers read folders, and inside a jar there are none.
 */
final class DemoEstateCopy {

    private static final String ROOT = "posture-demo/";

    private DemoEstateCopy() {
    }

    /** A temporary folder with the estate, or empty when the class path has none. */
    static Optional<Path> fromClassPath() {
        try {
            var resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*");
            if (Arrays.stream(resources).noneMatch(resource -> resource.isReadable() && relative(resource).startsWith("clusters/"))) {
                return Optional.empty();
            }
            var folder = Files.createTempDirectory("posture-demo");
            for (var resource : resources) {
                var relative = relative(resource);
                if (relative.isEmpty() || relative.endsWith("/") || !resource.isReadable()) {
                    continue;
                }
                var target = folder.resolve(relative).normalize();
                if (!target.startsWith(folder)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (var in = resource.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return Optional.of(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resource's path under the demo root. */
    private static String relative(Resource resource) {
        try {
            var url = resource.getURL().toString();
            return url.substring(url.lastIndexOf(ROOT) + ROOT.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
