package io.posture.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Imports into several clusters at once: none makes another wait past its lock timeout into a half-applied state. */
@SpringBootTest
class ConcurrentImportsTest {

    private static final int CLUSTERS = 4;
    private static final int WORKLOADS = 300;

    @Autowired
    ManifestImporter importer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentImportsAllCompleteAndAllAreEvaluated(@TempDir Path folder) throws Exception {
        for (int c = 0; c < CLUSTERS; c++) {
            for (int w = 0; w < WORKLOADS; w++) {
                write(folder.resolve("c" + c), "app-" + w + ".yaml", deployment("ns-" + w % 10, "app-" + w, "shop/app:" + w, "{privileged: true}"));
            }
        }
        var pool = Executors.newFixedThreadPool(CLUSTERS);
        var runs = new ArrayList<Future<RunViews.RunSummary>>();
        for (int c = 0; c < CLUSTERS; c++) {
            var cluster = "concurrent-" + c;
            var files = folder.resolve("c" + c);
            runs.add(pool.submit(() -> importer.importPath(cluster, "prod", files)));
        }
        for (var run : runs) {
            assertThat(run.get().status()).as(run.get().message()).isEqualTo(RunStatus.COMPLETE);
        }
        pool.shutdown();

        for (int c = 0; c < CLUSTERS; c++) {
            assertThat(jdbc.queryForObject("select count(*) from finding where cluster_name = ? and control_id = 'privileged' "
                    + "and status = 'OPEN'", Integer.class, "concurrent-" + c)).as("concurrent-" + c).isEqualTo(WORKLOADS);
        }
    }
}
