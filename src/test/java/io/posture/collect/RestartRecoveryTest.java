package io.posture.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a start after a crash finds: a run that never finished and a cluster whose stored
 * inventory was never evaluated (the state kill -9 leaves between the two). See also
 * {@code CrashRecoveryIT}, which kills a real process.
 */
@SpringBootTest
class RestartRecoveryTest {

    @Autowired
    ManifestImporter importer;
    @Autowired
    CollectionRuns runs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void aStartEndsInterruptedRunsAndEvaluatesWhatWasNeverEvaluated(@TempDir Path folder) {
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));
        importer.importPath("c-crashed", "prod", folder);
        long clusterId = jdbc.queryForObject("select id from cluster where name = 'c-crashed'", Long.class);
        // the crash: a run left RUNNING, its cluster changed after the last evaluation, whose results are gone
        jdbc.update("insert into collection_run (cluster_name, source, status, started_at, files_read, files_failed, "
                + "objects_stored, objects_skipped) values ('c-crashed', 'upload: x.yaml', 'RUNNING', ?, 0, 0, 0, 0)",
                Timestamp.from(Instant.now()));
        jdbc.update("delete from control_result where cluster_id = ?", clusterId);
        jdbc.update("update cluster set last_seen = ? where id = ?", Timestamp.from(Instant.now()), clusterId);

        startUp();

        assertThat(jdbc.queryForObject("select count(*) from collection_run where status = 'RUNNING'", Integer.class)).isZero();
        long interrupted = jdbc.queryForObject("select max(id) from collection_run where cluster_name = 'c-crashed'", Long.class);
        assertThat(runs.run(interrupted)).get().satisfies(run -> assertThat(run.status()).isEqualTo(RunStatus.FAILED));
        assertThat(runs.problems(interrupted)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("interrupted");
            assertThat(problem.message()).contains("Posture stopped while this run was in progress");
        });
        assertThat(jdbc.queryForObject("select count(*) from control_result where cluster_id = ? and status = 'FAIL' "
                + "and control_id = 'privileged'", Integer.class, clusterId)).isPositive();
    }

    @Test
    void aStartAfterACleanStopEvaluatesNothingAgain(@TempDir Path folder) {
        write(folder, "api.yaml", deployment("shop", "api", "shop/api:1", "{}"));
        importer.importPath("c-clean", "prod", folder);
        long records = jdbc.queryForObject("select count(*) from evaluation_record", Long.class);

        startUp();

        assertThat(jdbc.queryForObject("select count(*) from evaluation_record", Long.class)).isEqualTo(records);
    }

    private void startUp() {
        var runners = new ArrayList<>(context.getBeansOfType(ApplicationRunner.class).values());
        AnnotationAwareOrderComparator.sort(runners);
        for (var runner : runners) {
            try {
                runner.run(new DefaultApplicationArguments());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
