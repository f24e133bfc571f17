package io.posture.findings.internal;

import io.posture.benchmark.ControlKey;
import io.posture.findings.Fingerprint;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V19 on a database as the release before it left it (V18): every finding gets the benchmark of
 * its control and a fingerprint that covers it, exceptions follow their findings, and nothing of
 * the history, the exceptions or the tasks is lost.
 */
class ControlIdentityMigrationTest {

    @Test
    void findingsAndExceptionsTakeTheirControlsBenchmarkAndKeepTheirHistory() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:control-identity;DB_CLOSE_DELAY=-1");
        var jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, "18");
        long privileged = finding(jdbc, "Deployment", "shop", "api", "privileged", "RISK_ACCEPTED");
        long scanned = finding(jdbc, "Deployment", "shop", "api", "3.1", "OPEN");
        result(jdbc, "Deployment", "shop", "api", "image-trust", "3.1");
        long hostFile = finding(jdbc, "DockerHost", "", "build-1", "3.1", "OPEN");
        long resolvedImage = finding(jdbc, "Deployment", "shop", "old", "3.1", "RESOLVED");
        long retired = finding(jdbc, "Deployment", "shop", "api", "x-retired", "RESOLVED");
        long onFinding = exception(jdbc, "FINDING", "shop", "privileged", privileged);
        long inCluster = exception(jdbc, "CONTROL_IN_CLUSTER", null, "3.1", null);
        jdbc.update("insert into remediation_task (id, title, description, severity, due_on, status, created_by, created_at) "
                + "values (1, 'Fix', 'Fix it', 'HIGH', current_date, 'OPEN', 'alice', current_timestamp)");
        jdbc.update("insert into remediation_task_finding (task_id, finding_id) values (1, ?), (1, ?)", scanned, hostFile);
        long events = count(jdbc, "finding_event");

        migrate(dataSource, "19");

        assertThat(benchmarkOf(jdbc, privileged)).as("pss-restricted's privileged stands for baseline's").isEqualTo("pss-baseline");
        assertThat(benchmarkOf(jdbc, scanned)).as("the benchmark the resource has results of").isEqualTo("image-trust");
        assertThat(benchmarkOf(jdbc, hostFile)).as("a Docker host's control comes from its reports").isEqualTo("cis-docker");
        assertThat(benchmarkOf(jdbc, resolvedImage)).as("a workload's control is a rule's").isEqualTo("image-trust");
        assertThat(benchmarkOf(jdbc, retired)).isEqualTo(ControlIdentityMigration.UNKNOWN);
        for (var row : jdbc.queryForList("select * from finding")) {
            assertThat(row.get("FINGERPRINT")).isEqualTo(Fingerprint.of((String) row.get("CLUSTER_NAME"), (String) row.get("WORKLOAD_KIND"),
                    (String) row.get("NAMESPACE"), (String) row.get("WORKLOAD_NAME"),
                    new ControlKey((String) row.get("BENCHMARK_ID"), (String) row.get("CONTROL_ID"))));
        }
        assertThat(jdbc.queryForObject("select benchmark_id from finding_exception where id = ?", String.class, onFinding))
                .isEqualTo("pss-baseline");
        assertThat(jdbc.queryForObject("select benchmark_id from finding_exception where id = ?", String.class, inCluster))
                .as("the benchmark most of the cluster's 3.1 findings have").isEqualTo("image-trust");
        assertThat(count(jdbc, "finding")).isEqualTo(5);
        assertThat(count(jdbc, "finding_event")).isEqualTo(events).isEqualTo(5);
        assertThat(count(jdbc, "finding_exception")).isEqualTo(2);
        assertThat(jdbc.queryForList("select finding_id from remediation_task_finding order by finding_id", Long.class))
                .containsExactly(scanned, hostFile);
        assertThat(jdbc.queryForObject("select status from finding where id = ?", String.class, privileged)).isEqualTo("RISK_ACCEPTED");
    }

    private static void migrate(JdbcDataSource dataSource, String version) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").javaMigrations(new ControlIdentityMigration())
                .target(version).load().migrate();
    }

    private static long finding(JdbcTemplate jdbc, String kind, String namespace, String name, String controlId, String status) {
        jdbc.update("""
                insert into finding (fingerprint, cluster_id, cluster_name, namespace, team, workload_kind, workload_name, control_id,
                    control_title, severity, severity_rank, status, evidence, first_seen, last_seen)
                values (?, 1, 'prod', ?, 'shop', ?, ?, ?, 'A title', 'HIGH', 3, ?, '[]', current_timestamp, current_timestamp)""",
                Fingerprint.of("prod", kind, namespace, name, new ControlKey("old", controlId)), namespace, kind, name, controlId, status);
        long id = jdbc.queryForObject("select max(id) from finding", Long.class);
        jdbc.update("insert into finding_event (finding_id, occurred_at, actor, from_status, to_status, note) "
                + "values (?, current_timestamp, 'system', null, 'OPEN', 'failing')", id);
        return id;
    }

    private static void result(JdbcTemplate jdbc, String kind, String namespace, String name, String benchmarkId, String controlId) {
        jdbc.update("""
                insert into control_result (id, cluster_id, namespace, workload_id, resource_kind, resource_name, benchmark_id,
                    section_id, policy_version, control_id, severity, weight, status, evidence, evaluated_at)
                values (1, 1, ?, 7, ?, ?, ?, '3', 'v1', ?, 'HIGH', 5, 'FAIL', '[]', current_timestamp)""",
                namespace, kind, name, benchmarkId, controlId);
    }

    private static long exception(JdbcTemplate jdbc, String scope, String namespace, String controlId, Long findingId) {
        jdbc.update("""
                insert into finding_exception (kind, scope, cluster_name, namespace, control_id, finding_id, justification, expires_on,
                    state, requested_by, requested_at)
                values ('RISK_ACCEPTANCE', ?, 'prod', ?, ?, ?, 'Accepted until the platform team migrates', current_date, 'ACTIVE',
                    'alice', current_timestamp)""", scope, namespace, controlId, findingId);
        return jdbc.queryForObject("select max(id) from finding_exception", Long.class);
    }

    private static String benchmarkOf(JdbcTemplate jdbc, long findingId) {
        return jdbc.queryForObject("select benchmark_id from finding where id = ?", String.class, findingId);
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
