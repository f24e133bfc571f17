package io.posture.scoring;

import io.posture.collect.HostReports;
import io.posture.collect.ManifestImporter;
import io.posture.collect.RunStatus;
import io.posture.collect.HostReportViews.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.Map;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.namespace;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Estate and team scores are sums of the current cluster and namespace snapshots plus the results
 * outside clusters; whatever was evaluated last, they must be what all stored results give.
 */
@SpringBootTest
class EstateSnapshotsTest {

    private static final String SUMS = """
            sum(case when status = 'PASS' then 1 else 0 end) as passed,
            sum(case when status = 'FAIL' then 1 else 0 end) as failed,
            sum(case when status = 'EXCEPTED' then 1 else 0 end) as excepted,
            sum(case when status = 'UNKNOWN' then 1 else 0 end) as unknown_count,
            sum(case when status = 'PASS' then weight else 0 end) as passed_weight,
            sum(case when status in ('PASS', 'FAIL') then weight else 0 end) as evaluated_weight""";

    @Autowired
    ManifestImporter importer;
    @Autowired
    HostReports hostReports;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void estateAndTeamSnapshotsEqualWhatAllStoredResultsGive(@TempDir Path folder) {
        write(folder, "a/ns.yaml", namespace("shop", "checkout"));
        write(folder, "a/api.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}"));
        write(folder, "b/ns.yaml", namespace("pay", "checkout"));
        write(folder, "b/web.yaml", deployment("pay", "web", "pay/web:1", "{allowPrivilegeEscalation: false}"));
        write(folder, "b/db.yaml", deployment("data", "db", "data/db:1", "{}"));
        assertThat(importer.importPath("estate-a", "prod", folder.resolve("a")).status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(importer.importPath("estate-b", "prod", folder.resolve("b")).status()).isEqualTo(RunStatus.COMPLETE);
        assertSnapshotsMatchResults();

        // a Docker host outside any cluster adds its results to the estate, then a cluster is evaluated again
        hostReports.importFile(Tool.DOCKER_BENCH, null, Path.of("src/test/resources/reports/docker-bench.json"));
        assertThat(jdbc.queryForObject("select count(*) from control_result where cluster_id is null", Long.class)).isPositive();
        assertSnapshotsMatchResults();
        assertThat(importer.importPath("estate-a", "prod", folder.resolve("a")).status()).isEqualTo(RunStatus.COMPLETE);
        assertSnapshotsMatchResults();
    }

    private void assertSnapshotsMatchResults() {
        var estate = jdbc.queryForList("select benchmark_id, section_id, passed, failed, excepted, unknown_count, passed_weight, "
                + "evaluated_weight from score_snapshot where current and scope_type = 'ESTATE'");
        assertThat(estate).isNotEmpty();
        assertThat(estate).allSatisfy(snapshot -> {
            boolean whole = "".equals(snapshot.get("SECTION_ID"));
            var stored = jdbc.queryForMap("select " + SUMS + " from control_result where benchmark_id = ?"
                    + (whole ? " and ? = ''" : " and section_id = ?"), snapshot.get("BENCHMARK_ID"), snapshot.get("SECTION_ID"));
            assertSame(snapshot, stored);
        });
        var estateGroups = jdbc.queryForObject("select count(*) from (select distinct benchmark_id from control_result) b", Long.class)
                + jdbc.queryForObject("select count(*) from (select distinct benchmark_id, section_id from control_result) s", Long.class);
        assertThat(estate).as("one estate snapshot per benchmark and per section").hasSize((int) estateGroups);

        var teams = jdbc.queryForList("select benchmark_id, team, passed, failed, excepted, unknown_count, passed_weight, "
                + "evaluated_weight from score_snapshot where current and scope_type = 'TEAM'");
        assertThat(teams).extracting(team -> team.get("TEAM")).contains("checkout");
        assertThat(teams).allSatisfy(snapshot -> assertSame(snapshot, jdbc.queryForMap("select " + SUMS
                + " from control_result where benchmark_id = ? and team = ?", snapshot.get("BENCHMARK_ID"), snapshot.get("TEAM"))));
    }

    private static void assertSame(Map<String, Object> snapshot, Map<String, Object> stored) {
        assertThat(number(snapshot, "PASSED")).as("passed of %s", snapshot).isEqualTo(number(stored, "PASSED"));
        assertThat(number(snapshot, "FAILED")).as("failed of %s", snapshot).isEqualTo(number(stored, "FAILED"));
        assertThat(number(snapshot, "EXCEPTED")).as("excepted of %s", snapshot).isEqualTo(number(stored, "EXCEPTED"));
        assertThat(number(snapshot, "UNKNOWN_COUNT")).as("unknown of %s", snapshot).isEqualTo(number(stored, "UNKNOWN_COUNT"));
        assertThat(number(snapshot, "PASSED_WEIGHT")).as("passed weight of %s", snapshot).isEqualTo(number(stored, "PASSED_WEIGHT"));
        assertThat(number(snapshot, "EVALUATED_WEIGHT")).as("evaluated weight of %s", snapshot)
                .isEqualTo(number(stored, "EVALUATED_WEIGHT"));
    }

    private static long number(Map<String, Object> row, String column) {
        return row.get(column) == null ? 0 : ((Number) row.get(column)).longValue();
    }
}
