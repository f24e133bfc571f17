package io.posture.scoring.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes control results, as JDBC batches. An evaluation writes hundreds of thousands of rows that
 * nothing changes afterwards: through the persistence context each cost an entity, a snapshot and
 * reflection, about as much again as the database's own write.
 */
@Component
public class ResultWriter {

    private static final int BATCH = 500;
    private static final String INSERT = """
            insert into control_result (id, cluster_id, namespace, team, workload_id, host_id, resource_kind, resource_name,
                benchmark_id, section_id, policy_version, control_id, severity, weight, status, evidence, evaluated_at)
            values (nextval('control_result_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    ResultWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Removes the results of the cluster's workloads whose ids are in {@code (after, upTo]}: a range,
     * which H2 finds in the index (an id list made it scan the cluster's results for each page).
     */
    public void deleteOfWorkloads(long clusterId, long after, long upTo) {
        jdbc.update("delete from control_result where cluster_id = ? and workload_id > ? and workload_id <= ?",
                clusterId, after, upTo);
    }

    /** Removes the cluster's results about other resources than workloads: nodes, roles, namespaces, the cluster. */
    public void deleteClusterWide(long clusterId) {
        jdbc.update("delete from control_result where cluster_id = ? and workload_id is null", clusterId);
    }

    /** Removes the results of Docker hosts outside clusters. */
    public void deleteOutsideClusters() {
        jdbc.update("delete from control_result where cluster_id is null");
    }

    public void insert(List<ResultRow> rows) {
        jdbc.batchUpdate(INSERT, rows, BATCH, (statement, row) -> {
            var resource = row.resource();
            statement.setObject(1, resource.clusterId(), Types.BIGINT);
            statement.setString(2, row.namespace());
            statement.setString(3, resource.team());
            statement.setObject(4, resource.workloadId(), Types.BIGINT);
            statement.setObject(5, resource.hostId(), Types.BIGINT);
            statement.setString(6, resource.kind());
            statement.setString(7, resource.name());
            statement.setString(8, row.benchmarkId());
            statement.setString(9, row.sectionId());
            statement.setString(10, row.policyVersion());
            statement.setString(11, row.controlId());
            statement.setString(12, row.severity().name());
            statement.setInt(13, row.weight());
            statement.setString(14, row.status().name());
            statement.setString(15, row.evidenceJson());
            statement.setObject(16, OffsetDateTime.ofInstant(row.evaluatedAt(), ZoneOffset.UTC));
        });
    }
}
