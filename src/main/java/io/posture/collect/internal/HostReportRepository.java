package io.posture.collect.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface HostReportRepository extends JpaRepository<HostReportEntity, Long> {

    /** The latest report of each tool for each host of a cluster (or, for a null cluster, of each Docker host). */
    @Query("""
            select r from HostReportEntity r where (r.clusterId = :clusterId or (:clusterId is null and r.clusterId is null))
            and r.hostId in :hostIds and r.id = (select max(l.id) from HostReportEntity l where l.hostId = r.hostId and l.tool = r.tool)
            order by r.hostName, r.tool""")
    List<HostReportEntity> findLatest(Long clusterId, List<Long> hostIds);

    List<HostReportEntity> findByHostIdOrderByIdDesc(long hostId);

    /** The latest report of each tool for each host uploaded by the instant: the raw inputs behind results then. */
    @Query("""
            select r from HostReportEntity r where r.uploadedAt <= :asOf
            and r.id = (select max(l.id) from HostReportEntity l where l.hostId = r.hostId and l.tool = r.tool and l.uploadedAt <= :asOf)
            order by r.hostName, r.tool""")
    List<HostReportEntity> findLatestAsOf(java.time.Instant asOf);
}
