package io.posture.remediation.internal;

import io.posture.remediation.TaskViews.TaskStatus;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;

public interface RemediationTaskRepository extends JpaRepository<RemediationTaskEntity, Long> {

    List<RemediationTaskEntity> findByStatusOrderByDueOnAscIdAsc(TaskStatus status);

    List<RemediationTaskEntity> findByStatusNot(TaskStatus status);

    long countByStatusNotAndDueOnBefore(TaskStatus status, LocalDate date);

    /** For each finding, the tasks that held it and existed by the instant: (finding id, task id) pairs. */
    @org.springframework.data.jpa.repository.Query("""
            select f, t.id from RemediationTaskEntity t join t.findingIds f where t.createdAt <= :asOf order by t.id""")
    java.util.List<Object[]> taskOfFindings(java.time.Instant asOf);
}
