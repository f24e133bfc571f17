package io.posture.remediation.internal;

import io.posture.benchmark.Severity;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaSettingRepository extends JpaRepository<SlaSettingEntity, Severity> {
}
