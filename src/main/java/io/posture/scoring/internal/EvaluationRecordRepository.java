package io.posture.scoring.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

public interface EvaluationRecordRepository extends JpaRepository<EvaluationRecordEntity, Long> {

    /** For each cluster (and the Docker hosts, cluster null), its latest evaluation at or before the instant. */
    @Query("""
            select r from EvaluationRecordEntity r
            where r.evaluatedAt = (select max(o.evaluatedAt) from EvaluationRecordEntity o
                                   where coalesce(o.clusterId, -1) = coalesce(r.clusterId, -1) and o.evaluatedAt <= :asOf)
            order by r.clusterName nulls last, r.id""")
    List<EvaluationRecordEntity> latestAsOf(Instant asOf);

    java.util.Optional<EvaluationRecordEntity> findFirstByClusterNameAndEvaluatedAtGreaterThanEqualOrderByEvaluatedAtAsc(String clusterName,
                                                                                                                  Instant from);

    /** The moment of each cluster's latest evaluation: [cluster id, instant]. */
    @Query("select r.clusterId, max(r.evaluatedAt) from EvaluationRecordEntity r where r.clusterId is not null group by r.clusterId")
    List<Object[]> latestByCluster();
}
