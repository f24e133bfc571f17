package io.posture.scoring.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface ScoreSnapshotRepository extends JpaRepository<ScoreSnapshotEntity, Long> {

    @Modifying
    @Query("update ScoreSnapshotEntity s set s.current = false where s.current = true and "
            + "(s.clusterId = :clusterId or s.scope = io.posture.scoring.internal.ScoreSnapshotEntity.Scope.ESTATE)")
    void retireCurrent(long clusterId);

    @Query("select s from ScoreSnapshotEntity s where s.current = true "
            + "and s.scope = io.posture.scoring.internal.ScoreSnapshotEntity.Scope.CLUSTER order by s.clusterId, s.benchmarkId")
    List<ScoreSnapshotEntity> currentClusterScores();

    @Query("select s from ScoreSnapshotEntity s where s.clusterId = :clusterId and s.benchmarkId = :benchmarkId "
            + "and s.scope = io.posture.scoring.internal.ScoreSnapshotEntity.Scope.CLUSTER order by s.takenAt desc, s.id desc")
    List<ScoreSnapshotEntity> clusterHistory(long clusterId, String benchmarkId, Pageable pageable);

    @Query("select s from ScoreSnapshotEntity s where s.current = true and s.clusterId = :clusterId "
            + "and s.benchmarkId = :benchmarkId and s.scope = io.posture.scoring.internal.ScoreSnapshotEntity.Scope.NAMESPACE")
    Page<ScoreSnapshotEntity> currentNamespaceScores(long clusterId, String benchmarkId, Pageable pageable);
}
