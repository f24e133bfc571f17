package io.posture.collect.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CollectionRunRepository extends JpaRepository<CollectionRunEntity, Long> {
}
