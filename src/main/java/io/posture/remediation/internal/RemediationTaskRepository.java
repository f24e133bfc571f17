package io.posture.remediation.internal;

import io.posture.remediation.TaskViews.TaskStatus;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;

public interface RemediationTaskRepository extends JpaRepository<RemediationTaskEntity, Long> {

    List<RemediationTaskEntity> findByStatusOrderByDueOnAscIdAsc(TaskStatus status);

    List<RemediationTaskEntity> findByStatusNot(TaskStatus status);

    long countByStatusNotAndDueOnBefore(TaskStatus status, LocalDate date);
}
