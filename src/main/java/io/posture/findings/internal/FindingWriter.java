package io.posture.findings.internal;

import io.posture.benchmark.ControlKey;
import io.posture.benchmark.Severity;
import io.posture.findings.FindingStatus;
import io.posture.security.AuditLog;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation's reads and writes, set-based: a first run of a large cluster opens a hundred
 * thousand findings, and an entity plus a history entity each through the persistence context
 * managed about 3,500 a second. Every status change writes its history row here as well.
 */
@Component
class FindingWriter {

    /** A finding as the reconciliation compares it with a failure. */
    record Known(long id, String fingerprint, FindingStatus status, String controlTitle, Severity severity, String team,
                 String evidence) {
    }

    /** A failure seen for the first time. */
    record Opened(String fingerprint, long clusterId, String clusterName, String namespace, String team, String kind,
                  String name, ControlKey control, String controlTitle, Severity severity, String evidence) {
    }

    /** What an evaluation says of a finding it saw failing. */
    record Seen(long id, String controlTitle, Severity severity, String team, String evidence) {
    }

    /** A status change by the system, with the note its history entry keeps. */
    record Change(long id, FindingStatus from, FindingStatus to, String note) {
    }

    private static final int BATCH = 500;
    private static final String KNOWN = "select id, fingerprint, status, control_title, severity, team, evidence from finding ";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    FindingWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    List<Known> byFingerprints(Collection<String> fingerprints) {
        return fingerprints.isEmpty() ? List.of()
                : named.query(KNOWN + "where fingerprint in (:fingerprints)", Map.of("fingerprints", fingerprints), FindingWriter::known);
    }

    /**
     * Resolves the cluster's findings in these statuses that the evaluation did not see failing, each
     * with its history entry, in two statements; returns how many.
     */
    int resolveNotSeenIn(long clusterId, long evaluation, Collection<FindingStatus> statuses, String note, Instant now) {
        var notSeen = " where cluster_id = :cluster and status in (:statuses) "
                + "and (last_evaluation is null or last_evaluation <> :evaluation)";
        var parameters = Map.of("cluster", clusterId, "statuses", statuses.stream().map(Enum::name).toList(),
                "evaluation", evaluation, "at", timestamp(now), "actor", AuditLog.SYSTEM, "note", note);
        named.update("insert into finding_event (finding_id, occurred_at, actor, from_status, to_status, note) "
                + "select id, :at, :actor, status, 'RESOLVED', :note from finding" + notSeen, parameters);
        return named.update("update finding set status = 'RESOLVED', resolved_at = :at, exception_id = null "
                + notSeen, parameters);
    }

    /**
     * Inserts the findings as OPEN, first and last seen now, each with its history entry keyed by the
     * id the insert generated (selecting them back by a list of fingerprints made H2 compare every
     * row against the whole list).
     */
    void open(List<Opened> findings, long evaluation, Instant now) {
        if (findings.isEmpty()) {
            return;
        }
        var at = timestamp(now);
        var ids = new ArrayList<Long>(findings.size());
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var statement = connection.prepareStatement("""
                    insert into finding (fingerprint, cluster_id, cluster_name, namespace, team, workload_kind, workload_name,
                        benchmark_id, control_id, control_title, severity, severity_rank, status, evidence, first_seen, last_seen,
                        last_evaluation)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)""", new String[]{"id"})) {
                for (int from = 0; from < findings.size(); from += BATCH) {
                    for (var finding : findings.subList(from, Math.min(from + BATCH, findings.size()))) {
                        bindOpened(statement, finding, at);
                        statement.setLong(16, evaluation);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                    try (var keys = statement.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.add(keys.getLong(1));
                        }
                    }
                }
            }
            return null;
        });
        if (ids.size() != findings.size()) {
            throw new IllegalStateException("opened " + findings.size() + " findings but the database returned " + ids.size() + " ids");
        }
        jdbc.batchUpdate("""
                insert into finding_event (finding_id, occurred_at, actor, from_status, to_status, note)
                values (?, ?, ?, null, 'OPEN', 'failing')""", ids, BATCH, (statement, id) -> {
            statement.setLong(1, id);
            statement.setObject(2, at);
            statement.setString(3, AuditLog.SYSTEM);
        });
    }

    private static void bindOpened(PreparedStatement statement, Opened finding, OffsetDateTime at) throws SQLException {
        statement.setString(1, finding.fingerprint());
        statement.setLong(2, finding.clusterId());
        statement.setString(3, finding.clusterName());
        statement.setString(4, finding.namespace());
        statement.setString(5, finding.team());
        statement.setString(6, finding.kind());
        statement.setString(7, finding.name());
        statement.setString(8, finding.control().benchmarkId());
        statement.setString(9, finding.control().controlId());
        statement.setString(10, finding.controlTitle());
        statement.setString(11, finding.severity().name());
        statement.setInt(12, finding.severity().ordinal());
        statement.setString(13, finding.evidence());
        statement.setObject(14, at);
        statement.setObject(15, at);
    }

    /** Failing again as before: only when and by which evaluation it was last seen move. */
    void seenUnchanged(List<Long> ids, long evaluation, Instant now) {
        var at = timestamp(now);
        jdbc.batchUpdate("update finding set last_seen = ?, last_evaluation = ? where id = ?", ids, BATCH, (statement, id) -> {
            statement.setObject(1, at);
            statement.setLong(2, evaluation);
            statement.setLong(3, id);
        });
    }

    /** Failing with another title, severity, team or evidence than last time. */
    void seenChanged(List<Seen> seen, long evaluation, Instant now) {
        var at = timestamp(now);
        jdbc.batchUpdate("""
                update finding set control_title = ?, severity = ?, severity_rank = ?, team = ?, evidence = ?, last_seen = ?,
                    last_evaluation = ?
                where id = ?""", seen, BATCH, (statement, finding) -> {
            statement.setString(1, finding.controlTitle());
            statement.setString(2, finding.severity().name());
            statement.setInt(3, finding.severity().ordinal());
            statement.setString(4, finding.team());
            statement.setString(5, finding.evidence());
            statement.setObject(6, at);
            statement.setLong(7, evaluation);
            statement.setLong(8, finding.id());
        });
    }

    /** Moves findings to new statuses, each with its history entry; a RESOLVED one leaves its exception. */
    void changeStatus(List<Change> changes, Instant now) {
        var at = timestamp(now);
        jdbc.batchUpdate("""
                update finding set status = ?, resolved_at = ?,
                    exception_id = case when ? = 'RESOLVED' then null else exception_id end
                where id = ?""", changes, BATCH, (statement, change) -> {
            statement.setString(1, change.to().name());
            statement.setObject(2, change.to() == FindingStatus.RESOLVED ? at : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setString(3, change.to().name());
            statement.setLong(4, change.id());
        });
        jdbc.batchUpdate("""
                insert into finding_event (finding_id, occurred_at, actor, from_status, to_status, note)
                values (?, ?, ?, ?, ?, ?)""", changes, BATCH, (statement, change) -> {
            statement.setLong(1, change.id());
            statement.setObject(2, at);
            statement.setString(3, AuditLog.SYSTEM);
            statement.setString(4, change.from() == null ? null : change.from().name());
            statement.setString(5, change.to().name());
            statement.setString(6, change.note());
        });
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Known known(ResultSet row, int number) throws SQLException {
        return new Known(row.getLong("id"), row.getString("fingerprint"), FindingStatus.valueOf(row.getString("status")),
                row.getString("control_title"), Severity.valueOf(row.getString("severity")), row.getString("team"),
                row.getString("evidence"));
    }
}
