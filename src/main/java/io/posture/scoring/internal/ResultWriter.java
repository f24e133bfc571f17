package io.posture.scoring.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

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
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** Each value of the sequence (see V16) is the first of a block of this many ids. */
    private static final int ID_BLOCK = 1000;

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

    /** A new evaluation's number: findings remember the last evaluation that saw them failing. */
    public long nextEvaluation() {
        return jdbc.queryForObject("select nextval('evaluation_seq')", Long.class);
    }

    public void insert(List<ResultRow> rows) {
        var ids = new long[rows.size()];
        for (int from = 0; from < ids.length; from += ID_BLOCK) {
            long first = jdbc.queryForObject("select nextval('control_result_seq')", Long.class);
            for (int i = from; i < Math.min(ids.length, from + ID_BLOCK); i++) {
                ids[i] = first + i - from;
            }
        }
        jdbc.batchUpdate(INSERT, IntStream.range(0, ids.length).boxed().toList(), BATCH, (statement, index) -> {
            var row = rows.get(index);
            var resource = row.resource();
            statement.setLong(1, ids[index]);
            statement.setObject(2, resource.clusterId(), Types.BIGINT);
            statement.setString(3, row.namespace());
            statement.setString(4, resource.team());
            statement.setObject(5, resource.workloadId(), Types.BIGINT);
            statement.setObject(6, resource.hostId(), Types.BIGINT);
            statement.setString(7, resource.kind());
            statement.setString(8, resource.name());
            statement.setString(9, row.benchmarkId());
            statement.setString(10, row.sectionId());
            statement.setString(11, row.policyVersion());
            statement.setString(12, row.controlId());
            statement.setString(13, row.severity().name());
            statement.setInt(14, row.weight());
            statement.setString(15, row.status().name());
            statement.setString(16, row.evidenceJson());
            statement.setObject(17, OffsetDateTime.ofInstant(row.evaluatedAt(), ZoneOffset.UTC));
        });
    }
}
