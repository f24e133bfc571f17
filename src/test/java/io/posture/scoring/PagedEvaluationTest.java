package io.posture.scoring;

import io.posture.collect.ManifestImporter;
import io.posture.collect.RunStatus;
import io.posture.inventory.InventoryQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.posture.support.Manifests.deployment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster larger than one page of the evaluation (500 workloads, each page its own transaction):
 * every workload has results, the results of workloads that are gone go with them, the scores
 * summed while writing are those the stored results give, and the findings reconciled page by page
 * are those of the stored failures: one per privileged workload, resolved when it is gone.
 */
@SpringBootTest
class PagedEvaluationTest {

    @Autowired
    ManifestImporter importer;
    @Autowired
    InventoryQueries inventory;
    @Autowired
    ScoreQueries scores;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pagesReplaceResultsDropThoseOfGoneWorkloadsAndScoresMatchTheStoredResults(@TempDir Path folder) throws Exception {
        var file = folder.resolve("all.yaml");
        Files.writeString(file, deployments(1_201));
        assertThat(importer.importPath("paged", "prod", file).status()).isEqualTo(RunStatus.COMPLETE);
        long clusterId = inventory.cluster("paged").orElseThrow().id();
        assertThat(workloadsWithResults(clusterId)).isEqualTo(1_201);
        assertScoresMatchStoredResults(clusterId);
        assertThat(privilegedFindings(clusterId, "OPEN")).isEqualTo(401).isEqualTo(privilegedFailures(clusterId));

        // the first 100 and the last 200 are gone, and every tenth between: gaps before, in and after pages
        // (as a live collection removes what it no longer sees)
        var gone = "(select id from workload where cluster_id = ? and (cast(substring(name, 5) as int) < 100 "
                + "or cast(substring(name, 5) as int) >= 1001 or mod(cast(substring(name, 5) as int), 10) = 5))";
        jdbc.update("delete from workload_container where workload_id in " + gone, clusterId);
        jdbc.update("delete from workload where id in " + gone, clusterId);
        evaluation.reevaluate(clusterId);
        assertThat(workloadsWithResults(clusterId)).isEqualTo(901 - 90);
        assertThat(jdbc.queryForObject("""
                select count(*) from control_result r where r.cluster_id = ? and r.workload_id is not null
                  and not exists (select 1 from workload w where w.id = r.workload_id)""", Long.class, clusterId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from control_result where cluster_id = ? and workload_id is null",
                Long.class, clusterId)).as("cluster-wide results are kept").isPositive();
        assertScoresMatchStoredResults(clusterId);
        // privileged (every third) and kept: 100 to 1000, but for those ending in 5
        long kept = java.util.stream.IntStream.range(100, 1001).filter(i -> i % 10 != 5 && i % 3 == 0).count();
        assertThat(privilegedFindings(clusterId, "OPEN")).isEqualTo(kept).isEqualTo(privilegedFailures(clusterId));
        assertThat(privilegedFindings(clusterId, "RESOLVED")).isEqualTo(401 - kept);
        assertThat(jdbc.queryForObject("select count(distinct last_evaluation) from finding where cluster_id = ? and status = 'OPEN'",
                Long.class, clusterId)).as("every open finding was seen by the latest evaluation").isOne();
    }

    private long privilegedFindings(long clusterId, String status) {
        return jdbc.queryForObject("select count(*) from finding where cluster_id = ? and control_id = 'privileged' and status = ?",
                Long.class, clusterId, status);
    }

    private long privilegedFailures(long clusterId) {
        return jdbc.queryForObject("""
                select count(*) from control_result where cluster_id = ? and benchmark_id = 'pss-baseline'
                  and control_id = 'privileged' and status = 'FAIL'""", Long.class, clusterId);
    }

    private long workloadsWithResults(long clusterId) {
        return jdbc.queryForObject("select count(distinct workload_id) from control_result where cluster_id = ?", Long.class, clusterId);
    }

    private void assertScoresMatchStoredResults(long clusterId) {
        var score = scores.clusterScores("pss-baseline").stream().filter(cluster -> cluster.clusterId() == clusterId)
                .findFirst().orElseThrow();
        assertThat(score.passed()).isEqualTo(count(clusterId, "PASS"));
        assertThat(score.failed()).isEqualTo(count(clusterId, "FAIL")).isPositive();
    }

    private long count(long clusterId, String status) {
        return jdbc.queryForObject("select count(*) from control_result where cluster_id = ? and benchmark_id = 'pss-baseline' "
                + "and status = ?", Long.class, clusterId, status);
    }

    private static String deployments(int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("---\n").append(deployment("ns-" + i % 7, "app-" + i, "registry.example.com/app:1",
                    i % 3 == 0 ? "{privileged: true}" : "{}"));
        }
        return text.toString();
    }
}
