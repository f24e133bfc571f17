package io.posture.scoring.internal;

import io.posture.benchmark.ControlStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface ControlResultRepository extends JpaRepository<ControlResultEntity, Long> {

    String TALLY = """
            sum(case when r.status = io.posture.benchmark.ControlStatus.PASS then r.weight else 0 end),
            sum(case when r.status in (io.posture.benchmark.ControlStatus.PASS, io.posture.benchmark.ControlStatus.FAIL) then r.weight else 0 end),
            sum(case when r.status = io.posture.benchmark.ControlStatus.PASS then 1 else 0 end),
            sum(case when r.status = io.posture.benchmark.ControlStatus.FAIL then 1 else 0 end),
            sum(case when r.status = io.posture.benchmark.ControlStatus.EXCEPTED then 1 else 0 end),
            sum(case when r.status in (io.posture.benchmark.ControlStatus.PASS, io.posture.benchmark.ControlStatus.FAIL,
                io.posture.benchmark.ControlStatus.EXCEPTED, io.posture.benchmark.ControlStatus.UNKNOWN) then 1 else 0 end)""";

    @Modifying
    @Query("delete from ControlResultEntity r where r.clusterId = :clusterId")
    void deleteByClusterId(long clusterId);

    @Query("select new io.posture.scoring.internal.Tally(r.benchmarkId, r.namespace, " + TALLY + ") "
            + "from ControlResultEntity r where r.clusterId = :clusterId group by r.benchmarkId, r.namespace")
    List<Tally> tallyByNamespace(long clusterId);

    @Query("select new io.posture.scoring.internal.Tally(r.benchmarkId, cast(null as string), " + TALLY + ") "
            + "from ControlResultEntity r where r.clusterId = :clusterId group by r.benchmarkId")
    List<Tally> tallyCluster(long clusterId);

    @Query("select new io.posture.scoring.internal.Tally(r.benchmarkId, cast(null as string), " + TALLY + ") "
            + "from ControlResultEntity r group by r.benchmarkId")
    List<Tally> tallyEstate();

    @Query(value = "select new io.posture.scoring.internal.WorkloadTally(r.workloadId, r.workloadKind, r.workloadName, "
            + "sum(case when r.status = io.posture.benchmark.ControlStatus.PASS then r.weight else 0 end), "
            + "sum(case when r.status in (io.posture.benchmark.ControlStatus.PASS, io.posture.benchmark.ControlStatus.FAIL) then r.weight else 0 end), "
            + "sum(case when r.status = io.posture.benchmark.ControlStatus.PASS then 1 else 0 end), "
            + "sum(case when r.status = io.posture.benchmark.ControlStatus.FAIL then 1 else 0 end), "
            + "sum(case when r.status = io.posture.benchmark.ControlStatus.FAIL then r.weight else 0 end)) "
            + "from ControlResultEntity r where r.clusterId = :clusterId and r.namespace = :namespace and r.benchmarkId = :benchmarkId "
            + "group by r.workloadId, r.workloadKind, r.workloadName "
            + "order by sum(case when r.status = io.posture.benchmark.ControlStatus.FAIL then r.weight else 0 end) desc, r.workloadName",
            countQuery = "select count(distinct r.workloadId) from ControlResultEntity r "
                    + "where r.clusterId = :clusterId and r.namespace = :namespace and r.benchmarkId = :benchmarkId")
    Page<WorkloadTally> tallyWorkloads(long clusterId, String namespace, String benchmarkId, Pageable pageable);

    @Query("select r.workloadId, max(r.severity) from ControlResultEntity r where r.workloadId in :workloadIds "
            + "and r.benchmarkId = :benchmarkId and r.status = :status group by r.workloadId")
    List<Object[]> worstSeverity(List<Long> workloadIds, String benchmarkId, ControlStatus status);

    @Query("select new io.posture.scoring.internal.ControlTally(r.benchmarkId, r.controlId, count(r), sum(r.weight)) "
            + "from ControlResultEntity r where r.benchmarkId = :benchmarkId and r.status = io.posture.benchmark.ControlStatus.FAIL "
            + "group by r.benchmarkId, r.controlId order by sum(r.weight) desc, r.controlId")
    List<ControlTally> worstControls(String benchmarkId, Pageable pageable);

    @Query("select count(distinct r.controlId) from ControlResultEntity r "
            + "where r.benchmarkId = :benchmarkId and r.status = io.posture.benchmark.ControlStatus.FAIL")
    long countFailingControls(String benchmarkId);

    List<ControlResultEntity> findByWorkloadIdAndBenchmarkId(long workloadId, String benchmarkId);

    @Query("""
            select new io.posture.scoring.internal.FailingResult(r.workloadId, r.workloadKind, r.namespace, r.workloadName,
                r.benchmarkId, r.controlId, r.evidence)
            from ControlResultEntity r where r.clusterId = :clusterId and r.status in :statuses order by r.id""")
    List<FailingResult> findFailing(long clusterId, List<ControlStatus> statuses);

}
