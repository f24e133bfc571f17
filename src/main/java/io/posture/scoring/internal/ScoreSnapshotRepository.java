package io.posture.scoring.internal;

import io.posture.scoring.internal.ScoreSnapshotEntity.Scope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

public interface ScoreSnapshotRepository extends JpaRepository<ScoreSnapshotEntity, Long> {

    /** Marks as history the current snapshots a cluster's evaluation replaces: its own, and the estate- and team-wide ones. */
    @Modifying
    @Query("update ScoreSnapshotEntity s set s.current = false where s.current = true and (s.clusterId = :clusterId "
            + "or s.scope in (io.posture.scoring.internal.ScoreSnapshotEntity.Scope.ESTATE, io.posture.scoring.internal.ScoreSnapshotEntity.Scope.TEAM))")
    void retireCurrent(long clusterId);

    @Modifying
    @Query("update ScoreSnapshotEntity s set s.current = false where s.current = true "
            + "and s.scope in (io.posture.scoring.internal.ScoreSnapshotEntity.Scope.ESTATE, io.posture.scoring.internal.ScoreSnapshotEntity.Scope.TEAM)")
    void retireEstateWide();

    String SUMS = "coalesce(sum(s.passedWeight), 0), coalesce(sum(s.evaluatedWeight), 0), sum(s.passed), sum(s.failed), "
            + "sum(s.excepted), sum(s.passed + s.failed + s.excepted + s.unknown)";

    /** The clusters' current tallies summed per benchmark and section ('' for whole clusters). */
    @Query("select new io.posture.scoring.internal.Tally(s.benchmarkId, s.sectionId, " + SUMS + ") from ScoreSnapshotEntity s "
            + "where s.current = true and s.scope = io.posture.scoring.internal.ScoreSnapshotEntity.Scope.CLUSTER "
            + "group by s.benchmarkId, s.sectionId")
    List<Tally> sumCurrentClusters();

    /** The namespaces' current tallies summed per benchmark and the team that owns them. */
    @Query("select new io.posture.scoring.internal.Tally(s.benchmarkId, s.team, " + SUMS + ") from ScoreSnapshotEntity s "
            + "where s.current = true and s.scope = io.posture.scoring.internal.ScoreSnapshotEntity.Scope.NAMESPACE "
            + "and s.sectionId = '' and s.team is not null group by s.benchmarkId, s.team")
    List<Tally> sumCurrentTeams();

    @Query("select s from ScoreSnapshotEntity s where s.current = true and s.sectionId = '' "
            + "and s.scope = io.posture.scoring.internal.ScoreSnapshotEntity.Scope.CLUSTER order by s.clusterId, s.benchmarkId")
    List<ScoreSnapshotEntity> currentClusterScores();

    @Query("select s from ScoreSnapshotEntity s where s.clusterId = :clusterId and s.benchmarkId = :benchmarkId and s.sectionId = '' "
            + "and s.scope = io.posture.scoring.internal.ScoreSnapshotEntity.Scope.CLUSTER order by s.takenAt desc, s.id desc")
    List<ScoreSnapshotEntity> clusterHistory(long clusterId, String benchmarkId, Pageable pageable);

    @Query("select s from ScoreSnapshotEntity s where s.current = true and s.clusterId = :clusterId and s.sectionId = '' "
            + "and s.benchmarkId = :benchmarkId and s.scope = io.posture.scoring.internal.ScoreSnapshotEntity.Scope.NAMESPACE")
    Page<ScoreSnapshotEntity> currentNamespaceScores(long clusterId, String benchmarkId, Pageable pageable);

    /** A trend: one range scan of ix_snapshot_trend (scope, key, benchmark, section, time). */
    @Query("select s from ScoreSnapshotEntity s where s.scope = :scope and s.scopeKey = :scopeKey and s.benchmarkId = :benchmarkId "
            + "and s.sectionId = :sectionId and s.takenAt >= :since order by s.takenAt, s.id")
    List<ScoreSnapshotEntity> trend(Scope scope, String scopeKey, String benchmarkId, String sectionId, Instant since);

    /** The keys (e.g. team names) of a scope kind with a current score for the benchmark. */
    @Query("select distinct s.scopeKey from ScoreSnapshotEntity s where s.current = true and s.scope = :scope "
            + "and s.benchmarkId = :benchmarkId and s.sectionId = '' order by s.scopeKey")
    List<String> scopeKeys(Scope scope, String benchmarkId);
}
