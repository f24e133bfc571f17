package io.posture.scoring.internal;

import io.posture.benchmark.ControlStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
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

    String FAILED_WEIGHT = "sum(case when r.status = io.posture.benchmark.ControlStatus.FAIL then r.weight else 0 end)";

    /** Scope filter: every argument null means the estate; otherwise cluster, namespace, team, section narrow it. */
    String SCOPE = """
            (:clusterId is null or r.clusterId = :clusterId) and (:namespace is null or r.namespace = :namespace)
            and (:team is null or r.team = :team) and (:sectionId is null or r.sectionId = :sectionId)""";

    /** Results outside any cluster (Docker hosts) per benchmark and section: the part of the estate no cluster snapshot holds. */
    @Query("select new io.posture.scoring.internal.Tally(r.benchmarkId, r.sectionId, " + TALLY + ") "
            + "from ControlResultEntity r where r.clusterId is null group by r.benchmarkId, r.sectionId")
    List<Tally> tallyOutsideClusters();

    @Query(value = "select new io.posture.scoring.internal.WorkloadTally(r.workloadId, r.resourceKind, r.resourceName, "
            + "sum(case when r.status = io.posture.benchmark.ControlStatus.PASS then r.weight else 0 end), "
            + "sum(case when r.status in (io.posture.benchmark.ControlStatus.PASS, io.posture.benchmark.ControlStatus.FAIL) then r.weight else 0 end), "
            + "sum(case when r.status = io.posture.benchmark.ControlStatus.PASS then 1 else 0 end), "
            + "sum(case when r.status = io.posture.benchmark.ControlStatus.FAIL then 1 else 0 end), "
            + FAILED_WEIGHT + ") "
            + "from ControlResultEntity r where r.clusterId = :clusterId and r.namespace = :namespace and r.benchmarkId = :benchmarkId "
            + "and r.workloadId is not null group by r.workloadId, r.resourceKind, r.resourceName "
            + "order by " + FAILED_WEIGHT + " desc, r.resourceName",
            countQuery = "select count(distinct r.workloadId) from ControlResultEntity r "
                    + "where r.clusterId = :clusterId and r.namespace = :namespace and r.benchmarkId = :benchmarkId")
    Page<WorkloadTally> tallyWorkloads(long clusterId, String namespace, String benchmarkId, Pageable pageable);

    @Query("select r.workloadId, max(r.severity) from ControlResultEntity r where r.clusterId = :clusterId and r.workloadId in :workloadIds "
            + "and r.benchmarkId = :benchmarkId and r.status = :status group by r.workloadId")
    List<Object[]> worstSeverity(long clusterId, List<Long> workloadIds, String benchmarkId, ControlStatus status);

    @Query("select new io.posture.scoring.internal.Tally(r.benchmarkId, cast(null as string), " + TALLY + ") "
            + "from ControlResultEntity r where r.benchmarkId = :benchmarkId and " + SCOPE + " group by r.benchmarkId")
    List<Tally> tallyScope(String benchmarkId, Long clusterId, String namespace, String team, String sectionId);

    @Query("select new io.posture.scoring.internal.Tally(r.benchmarkId, r.sectionId, " + TALLY + ") "
            + "from ControlResultEntity r where r.benchmarkId = :benchmarkId and " + SCOPE + " group by r.benchmarkId, r.sectionId")
    List<Tally> tallyScopeBySection(String benchmarkId, Long clusterId, String namespace, String team, String sectionId);

    @Query("select count(distinct r.controlId) from ControlResultEntity r "
            + "where r.benchmarkId = :benchmarkId and r.status = io.posture.benchmark.ControlStatus.FAIL")
    long countFailingControls(String benchmarkId);

    /** Per control of a scope: failing resources and the weight they cost, most costly first. */
    @Query("select new io.posture.scoring.internal.ControlTally(r.benchmarkId, r.controlId, "
            + "sum(case when r.status = io.posture.benchmark.ControlStatus.FAIL then 1 else 0 end), " + FAILED_WEIGHT + ") "
            + "from ControlResultEntity r where r.benchmarkId = :benchmarkId and " + SCOPE
            + " group by r.benchmarkId, r.controlId having " + FAILED_WEIGHT + " > 0 order by " + FAILED_WEIGHT + " desc, r.controlId")
    List<ControlTally> costliestControls(String benchmarkId, Long clusterId, String namespace, String team, String sectionId,
                                         Pageable pageable);

    /** Status counts per control of a benchmark in a scope, for the section and control pages. */
    @Query("select new io.posture.scoring.internal.ControlStatusCount(r.controlId, r.status, count(r)) "
            + "from ControlResultEntity r where r.benchmarkId = :benchmarkId and " + SCOPE + " group by r.controlId, r.status")
    List<ControlStatusCount> statusCounts(String benchmarkId, Long clusterId, String namespace, String team, String sectionId);

    /** Results of one control, failures first, a page at a time. */
    @Query(value = "select r from ControlResultEntity r where r.benchmarkId = :benchmarkId and r.controlId = :controlId and "
            + SCOPE + " order by case when r.status = io.posture.benchmark.ControlStatus.FAIL then 0 else 1 end, "
            + "r.clusterId, r.namespace, r.resourceName, r.id",
            countQuery = "select count(r) from ControlResultEntity r where r.benchmarkId = :benchmarkId "
                    + "and r.controlId = :controlId and " + SCOPE)
    Page<ControlResultEntity> resultsOfControl(String benchmarkId, String controlId, Long clusterId, String namespace,
                                               String team, String sectionId, Pageable pageable);

    /** Per control and cluster, failing and evaluated (pass or fail) results: the heat map's cells. */
    @Query("select new io.posture.scoring.internal.HeatCell(r.clusterId, r.controlId, "
            + "sum(case when r.status = io.posture.benchmark.ControlStatus.FAIL then 1 else 0 end), "
            + "sum(case when r.status in (io.posture.benchmark.ControlStatus.PASS, io.posture.benchmark.ControlStatus.FAIL) then 1 else 0 end)) "
            + "from ControlResultEntity r where r.benchmarkId = :benchmarkId and r.clusterId is not null group by r.clusterId, r.controlId")
    List<HeatCell> heatMap(String benchmarkId);

    List<ControlResultEntity> findByClusterIdAndWorkloadIdAndBenchmarkId(long clusterId, long workloadId, String benchmarkId);

    /** A host's results; {@code clusterId} null for a Docker host outside clusters. */
    List<ControlResultEntity> findByClusterIdAndWorkloadIdIsNullAndHostIdAndBenchmarkIdOrderById(Long clusterId, long hostId,
                                                                                                 String benchmarkId);
}
