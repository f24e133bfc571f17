package io.posture.evidence.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public interface AttestationRepository extends JpaRepository<AttestationEntity, Long> {

    List<AttestationEntity> findByBenchmarkIdAndControlIdOrderByAttestedAtDesc(String benchmarkId, String controlId);

    /** Attestations of a benchmark made by the instant and valid on its day, for the estate or the cluster asked (any, for null). */
    @Query("""
            select a from AttestationEntity a where a.benchmarkId = :benchmarkId and a.attestedAt <= :asOf
              and a.validFrom <= :day and a.validUntil >= :day
              and (:cluster is null or a.clusterName is null or a.clusterName = :cluster)
            order by a.controlId, a.attestedAt, a.id""")
    List<AttestationEntity> standingAt(String benchmarkId, String cluster, Instant asOf, LocalDate day);
}
