package io.posture.collect.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CollectionRunRepository extends JpaRepository<CollectionRunEntity, Long> {

    java.util.List<CollectionRunEntity> findByStatus(io.posture.collect.RunStatus status);

    /** Progress of a live run, written while it runs so that other pages and nodes can show it. */
    @org.springframework.transaction.annotation.Transactional
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update CollectionRunEntity r set r.kindsDone = :kindsDone, r.objectsRead = :objectsRead where r.id = :id")
    void updateProgress(long id, int kindsDone, int objectsRead);

    @org.springframework.data.jpa.repository.Query("select r.status, count(r) from CollectionRunEntity r group by r.status")
    java.util.List<Object[]> countByStatus();
}
