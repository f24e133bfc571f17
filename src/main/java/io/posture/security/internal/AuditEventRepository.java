package io.posture.security.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append and read only: no update or delete methods exist. */
public interface AuditEventRepository extends Repository<AuditEventEntity, Long> {

    AuditEventEntity save(AuditEventEntity event);

    @Query("""
            select e from AuditEventEntity e
            where :pattern is null or lower(e.actor) like :pattern or lower(e.action) like :pattern
               or lower(e.subject) like :pattern or lower(coalesce(e.reason, '')) like :pattern""")
    Page<AuditEventEntity> search(String pattern, Pageable pageable);

    /** The events of a period, oldest first. */
    java.util.List<AuditEventEntity> findByOccurredAtGreaterThanAndOccurredAtLessThanEqualOrderByIdAsc(java.time.Instant after,
                                                                                                    java.time.Instant until);
}
