package io.posture.findings.internal;

import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.Control;
import io.posture.benchmark.ControlKey;
import io.posture.findings.Fingerprint;
import io.posture.inventory.HostType;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * V19: findings and exceptions name their control's benchmark, and fingerprints cover it. Control
 * ids repeat across benchmarks (Image trust 3.1 is not CIS Docker 3.1), and a finding keyed by the
 * id alone showed the first benchmark's texts. Each finding's benchmark is the one whose control of
 * that id stands for a problem (see {@link BenchmarkCatalog#problem}); where several do, the one
 * the resource has results of, else the one whose controls are decided the way the resource is
 * (node and Docker host reports, or rules), else the first. Exceptions take their finding's, or,
 * scoped to a control, the one most of the cluster's findings of that control got. Nothing is
 * dropped: a control no benchmark knows any more keeps its id under {@code unknown}. A Java
 * migration because the choice needs the catalogue and the fingerprint needs SHA-256 as Posture
 * computes it, on H2 and PostgreSQL alike.
 */
@Component
class ControlIdentityMigration implements JavaMigration {

    static final String UNKNOWN = "unknown";
    private static final int BATCH = 1000;
    private static final List<String> HOST_KINDS = Arrays.stream(HostType.values()).map(HostType::resourceKind).toList();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("19");
    }

    @Override
    public String getDescription() {
        return "control identity";
    }

    @Override
    public Integer getChecksum() {
        return 19_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        var jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        jdbc.execute("alter table finding add column benchmark_id varchar(128)");
        jdbc.execute("alter table finding_exception add column benchmark_id varchar(128)");
        var catalog = new BenchmarkCatalog();
        var benchmarks = new ArrayList<>(catalog.all().stream().filter(benchmark -> !benchmark.custom()).toList());
        jdbc.queryForList("select source_yaml from custom_benchmark order by id", String.class).forEach(yaml -> {
            try {
                benchmarks.add(catalog.parseCustom(yaml));
            } catch (RuntimeException unreadable) {
                // a definition the current catalogue refuses cannot be a finding's benchmark either
            }
        });
        var candidates = new HashMap<String, List<Candidate>>();
        jdbc.queryForList("select distinct control_id from finding", String.class)
                .forEach(controlId -> candidates.put(controlId, candidatesFor(catalog, benchmarks, controlId)));
        var resultBenchmarks = resultBenchmarks(jdbc, candidates);
        var updates = new ArrayList<Object[]>();
        jdbc.query("select id, cluster_id, cluster_name, namespace, workload_kind, workload_name, control_id from finding order by id",
                row -> {
                    var finding = new Finding(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7));
                    var benchmarkId = benchmarkOf(finding, candidates.get(finding.controlId()),
                            resultBenchmarks.getOrDefault(finding.resultKey(), List.of()));
                    var key = new ControlKey(benchmarkId, finding.controlId());
                    updates.add(new Object[]{benchmarkId, Fingerprint.of(finding.cluster(), finding.kind(), finding.namespace(),
                            finding.name(), key), finding.id()});
                    if (updates.size() == BATCH) {
                        jdbc.batchUpdate("update finding set benchmark_id = ?, fingerprint = ? where id = ?", updates);
                        updates.clear();
                    }
                });
        jdbc.batchUpdate("update finding set benchmark_id = ?, fingerprint = ? where id = ?", updates);
        jdbc.update("update finding_exception set benchmark_id = (select f.benchmark_id from finding f where f.id = finding_exception.finding_id) "
                + "where finding_id is not null");
        for (var exception : jdbc.queryForList("select id, cluster_name, control_id from finding_exception where benchmark_id is null")) {
            var controlId = (String) exception.get("control_id");
            var mostFound = jdbc.queryForList("""
                    select benchmark_id from finding where cluster_name = ? and control_id = ?
                    group by benchmark_id order by count(*) desc, benchmark_id""", String.class, exception.get("cluster_name"), controlId);
            var benchmarkId = !mostFound.isEmpty() ? mostFound.getFirst() : candidates.computeIfAbsent(controlId,
                    id -> candidatesFor(catalog, benchmarks, id)).stream().map(Candidate::benchmarkId).findFirst().orElse(UNKNOWN);
            jdbc.update("update finding_exception set benchmark_id = ? where id = ?", benchmarkId, exception.get("id"));
        }
        jdbc.execute("alter table finding alter column benchmark_id set not null");
        jdbc.execute("alter table finding_exception alter column benchmark_id set not null");
    }

    private record Finding(long id, long clusterId, String cluster, String namespace, String kind, String name, String controlId) {

        String resultKey() {
            return String.join("\u0000", String.valueOf(clusterId), kind, namespace, name, controlId);
        }
    }

    private record Candidate(String benchmarkId, Control control) {
    }

    /** The benchmarks, in catalogue order, whose control of this id stands for a problem of its own. */
    private static List<Candidate> candidatesFor(BenchmarkCatalog catalog, List<Benchmark> benchmarks, String controlId) {
        var found = new ArrayList<Candidate>();
        for (var benchmark : benchmarks) {
            benchmark.control(controlId).filter(control -> catalog.problem(benchmark.id(), control).key()
                    .equals(new ControlKey(benchmark.id(), controlId))).ifPresent(control -> found.add(new Candidate(benchmark.id(), control)));
        }
        return found;
    }

    /**
     * The benchmarks each resource has results of, for the control ids that several benchmarks (or
     * none) could stand for, read in one pass: a query per finding scanned the cluster's results
     * once for each of them.
     */
    private static Map<String, List<String>> resultBenchmarks(JdbcTemplate jdbc, Map<String, List<Candidate>> candidates) {
        var ambiguous = candidates.entrySet().stream().filter(entry -> entry.getValue().size() != 1).map(Map.Entry::getKey).toList();
        var found = new HashMap<String, List<String>>();
        if (!ambiguous.isEmpty()) {
            new NamedParameterJdbcTemplate(jdbc).query("""
                    select distinct cluster_id, resource_kind, coalesce(namespace, ''), resource_name, control_id, benchmark_id
                    from control_result where cluster_id is not null and control_id in (:ids)""", Map.of("ids", ambiguous),
                    (RowCallbackHandler) row -> found.computeIfAbsent(new Finding(0, row.getLong(1), null, row.getString(3),
                            row.getString(2), row.getString(4), row.getString(5)).resultKey(), key -> new ArrayList<>())
                            .add(row.getString(6)));
        }
        return found;
    }

    private static String benchmarkOf(Finding finding, List<Candidate> candidates, List<String> withResults) {
        if (candidates.size() == 1) {
            return candidates.getFirst().benchmarkId();
        }
        if (candidates.isEmpty()) {
            return withResults.isEmpty() ? UNKNOWN : withResults.stream().sorted().findFirst().orElseThrow();
        }
        Map<Boolean, List<Candidate>> byReport = new HashMap<>();
        for (var candidate : candidates) {
            if (withResults.contains(candidate.benchmarkId())) {
                return candidate.benchmarkId();
            }
            byReport.computeIfAbsent(candidate.control().source() == Control.Source.REPORT, report -> new ArrayList<>()).add(candidate);
        }
        return byReport.getOrDefault(HOST_KINDS.contains(finding.kind()), candidates).getFirst().benchmarkId();
    }
}
