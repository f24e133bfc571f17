package io.posture.findings.internal;

import io.posture.findings.ExceptionViews.State;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;

public interface FindingExceptionRepository extends JpaRepository<FindingExceptionEntity, Long> {

    List<FindingExceptionEntity> findByStateOrderByIdDesc(State state);

    List<FindingExceptionEntity> findByStateAndClusterName(State state, String clusterName);

    boolean existsByStateAndClusterName(State state, String clusterName);

    List<FindingExceptionEntity> findByStateAndExpiresOnBefore(State state, LocalDate date);
}
