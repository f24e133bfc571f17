package io.posture.collect.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's copy of the demo estate is the sample-data folder, file for file and byte for byte (the generators aside). */
class DemoEstateCopyTest {

    @Test
    void theClassPathCopyHoldsEveryDemoFile() throws IOException {
        var source = Path.of("sample-data");
        var copy = DemoEstateCopy.fromClassPath().orElseThrow();
        try {
            var expected = files(source);
            expected.removeIf(file -> file.endsWith(".py"));
            assertThat(files(copy)).isEqualTo(expected).hasSizeGreaterThan(100);
            for (var file : expected) {
                assertThat(Files.mismatch(source.resolve(file), copy.resolve(file))).as(file).isEqualTo(-1);
            }
        } finally {
            DemoEstateCopy.delete(copy);
        }
        assertThat(copy).doesNotExist();
    }

    private static Set<String> files(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).collect(Collectors.toSet());
        }
    }
}
