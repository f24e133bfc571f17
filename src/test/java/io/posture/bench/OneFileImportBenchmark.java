package io.posture.bench;

import io.posture.collect.ManifestImporter;
import io.posture.collect.ManifestReader;
import io.posture.collect.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static io.posture.support.Manifests.deployment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a unit test: run with {@code mvn -Pbenchmark verify -Dtest=OneFileImportBenchmark}. One
 * multi-document file of {@code posture.bench.objects} Deployments (default 10,000), imported and
 * evaluated as one run; target 30 s on a running server. The server has imported one such file before (a JVM
 * that just started spends about half of the machine's two cores compiling the code it runs, measured with JFR),
 * and that first import's figure is printed beside it. The floor, measured in the same run, is reading the file alone.
 */
@SpringBootTest
class OneFileImportBenchmark {

    private static final int OBJECTS = Integer.getInteger("posture.bench.objects", 10_000);
    private static final double TARGET_SECONDS = 30;

    @Autowired
    ManifestImporter importer;
    @Autowired
    DataSource dataSource;

    @Test
    void importAndEvaluateOneLargeFile(@TempDir Path folder) throws Exception {
        var coldFile = write(folder, "cold");
        var warmFile = write(folder, "warm");

        long readStarted = System.nanoTime();
        var contents = new ManifestReader().read(warmFile, "warm.yaml");
        double floor = (System.nanoTime() - readStarted) / 1e9;
        assertThat(contents.objects()).hasSize(OBJECTS);

        double cold = importSeconds("first-import", coldFile);
        double warm = importSeconds("one-file", warmFile);

        System.out.printf(Locale.ROOT, "%nBENCHMARK one file of %,d Deployments (%.1f MB): import + evaluation %.1f s "
                        + "on a running server (target %.0f s); the first import after start %.1f s (the JIT compiling "
                        + "as it goes); reading the file alone %.1f s (floor); database file %s%n%n",
                OBJECTS, Files.size(warmFile) / (1024.0 * 1024.0), warm, TARGET_SECONDS, cold, floor, databaseFileSize());
    }

    /**
     * One file of Deployments whose names and images carry {@code prefix}, so that a second file is new to the
     * inventory and the image catalogue, not a re-import.
     */
    private static Path write(Path folder, String prefix) throws Exception {
        var contexts = new String[]{"{}", "{privileged: true}", "{allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}"};
        var text = new StringBuilder();
        for (int i = 0; i < OBJECTS; i++) {
            text.append("---\n").append(deployment("ns-" + i % 50, prefix + "-app-" + i,
                    "registry.example.com/" + prefix + "-app-" + i + ":1", contexts[i % 3]));
        }
        return Files.writeString(folder.resolve(prefix + ".yaml"), text);
    }

    private double importSeconds(String cluster, Path file) {
        long started = System.nanoTime();
        var run = importer.importPath(cluster, "prod", file);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        return seconds;
    }

    /** The H2 file's size after the run, when the database is a file (the benchmark profile's setting). */
    private String databaseFileSize() throws Exception {
        String databaseUrl;
        try (var connection = dataSource.getConnection()) {
            databaseUrl = connection.getMetaData().getURL();
        }
        if (!databaseUrl.startsWith("jdbc:h2:file:")) {
            return "in memory";
        }
        var path = Path.of(databaseUrl.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db");
        return String.format(Locale.ROOT, "%.0f MB", Files.size(path) / (1024.0 * 1024.0));
    }
}
