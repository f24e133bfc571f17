package io.posture.evidence;

import java.time.Instant;

/**
 * What an export covers: one benchmark, optionally one cluster, namespace (of that cluster) or
 * team, as things stood at {@code asOf}; audit events after {@code periodStart} up to then.
 */
public record ExportScope(String benchmarkId, String cluster, String namespace, String team, Instant asOf, Instant periodStart) {

    public ExportScope {
        if (benchmarkId == null || benchmarkId.isBlank()) {
            throw new IllegalArgumentException("Choose the benchmark to export");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("Choose the moment to export");
        }
        // databases keep microseconds (and may round up): a moment with nanoseconds is taken to its next microsecond
        var micros = asOf.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        asOf = micros.equals(asOf) ? asOf : micros.plus(1, java.time.temporal.ChronoUnit.MICROS);
        cluster = blankToNull(cluster);
        namespace = blankToNull(namespace);
        team = blankToNull(team);
        if (namespace != null && cluster == null) {
            throw new IllegalArgumentException("A namespace is chosen within a cluster: choose the cluster too");
        }
        if (periodStart == null || !periodStart.isBefore(asOf)) {
            periodStart = asOf.minus(java.time.Duration.ofDays(90));
        }
    }

    boolean covers(String resultCluster, String resultNamespace, String resultTeam) {
        return (cluster == null || cluster.equals(resultCluster))
                && (namespace == null || namespace.equals(resultNamespace))
                && (team == null || team.equals(resultTeam));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
