package io.posture.scoring;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** V17 gives the current cluster and namespace snapshots the weights of the results they were taken from; history keeps none. */
class SnapshotWeightsMigrationTest {

    @Test
    void currentSnapshotsGetTheirResultsWeightsAndHistoryStaysWithout() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:snapshot-weights;DB_CLOSE_DELAY=-1");
        var jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, "16");
        result(jdbc, 1, "shop", "1", "PASS", 5);
        result(jdbc, 2, "shop", "1", "FAIL", 3);
        result(jdbc, 3, "pay", "2", "PASS", 2);
        result(jdbc, 4, null, "2", "EXCEPTED", 3);
        snapshot(jdbc, "CLUSTER", null, "", true);
        snapshot(jdbc, "CLUSTER", null, "2", true);
        snapshot(jdbc, "NAMESPACE", "shop", "", true);
        snapshot(jdbc, "CLUSTER", null, "", false);

        migrate(dataSource, "17");

        assertThat(jdbc.queryForList("select scope_type, namespace, section_id, current, passed_weight, evaluated_weight "
                + "from score_snapshot order by id")).extracting(row -> row.get("PASSED_WEIGHT") + "/" + row.get("EVALUATED_WEIGHT"))
                .containsExactly("7/10", "2/2", "5/8", "null/null");
    }

    private static void migrate(JdbcDataSource dataSource, String version) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
    }

    private static void result(JdbcTemplate jdbc, long id, String namespace, String section, String status, int weight) {
        jdbc.update("""
                insert into control_result (id, cluster_id, namespace, workload_id, resource_kind, resource_name, benchmark_id,
                    section_id, policy_version, control_id, severity, weight, status, evidence, evaluated_at)
                values (?, 1, ?, null, 'Deployment', 'api', 'cis', ?, 'v1', 'c' || ?, 'HIGH', ?, ?, '[]', current_timestamp)""",
                id, namespace, section, id, weight, status);
    }

    private static void snapshot(JdbcTemplate jdbc, String scope, String namespace, String section, boolean current) {
        jdbc.update("""
                insert into score_snapshot (scope_type, cluster_id, namespace, scope_key, benchmark_id, section_id, formula_version,
                    score, coverage, passed, failed, taken_at, current)
                values (?, 1, ?, 'key', 'cis', ?, 'v1', 50, 100, 1, 1, current_timestamp, ?)""", scope, namespace, section, current);
    }
}
