package io.posture.bench;

import io.posture.collect.ManifestImporter;
import io.posture.collect.RunStatus;
import io.posture.scoring.ScoreQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.namespace;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a unit test: run with {@code mvn -Pbenchmark verify}. Imports a generated cluster of
 * {@code posture.bench.workloads} Deployments (default 5,000) in 100 namespaces, one file per
 * workload, and prints the import and evaluation time and the peak heap.
 */
@SpringBootTest
class ImportAndScoreBenchmark {

    private static final int WORKLOADS = Integer.getInteger("posture.bench.workloads", 5_000);
    private static final int NAMESPACES = 100;

    @Autowired
    ManifestImporter importer;
    @Autowired
    ScoreQueries scores;

    @Test
    void importAndScoreAGeneratedCluster(@TempDir Path folder) {
        for (int n = 0; n < NAMESPACES; n++) {
            write(folder, "ns-" + n + "/namespace.yaml", namespace("ns-" + n, "team-" + (n % 12)));
        }
        var contexts = new String[]{"{}", "{privileged: true}", "{allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}",
                "{runAsUser: 0, capabilities: {add: [NET_ADMIN]}}"};
        for (int w = 0; w < WORKLOADS; w++) {
            var ns = "ns-" + (w % NAMESPACES);
            write(folder, ns + "/app-" + w + ".yaml", deployment(ns, "app-" + w, "registry.example.com/app-" + w + ":1", contexts[w % contexts.length]));
        }
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        System.gc();

        long started = System.nanoTime();
        var run = importer.importPath("bench", "prod", folder);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        var score = scores.clusterScores("pss-restricted").getFirst();
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "%nBENCHMARK import+evaluate: %d workloads in %d files -> %d objects stored, "
                        + "%d control results (pss-restricted), %.1f s (%.0f workloads/s), peak heap %d MB, max heap %d MB, score %.1f%n%n",
                WORKLOADS, run.filesRead(), run.objectsStored(), score.passed() + score.failed(), seconds, WORKLOADS / seconds,
                peakHeap / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024), score.score());
    }
}
