package io.posture.inventory.internal;

import io.posture.inventory.ImageViews.ImageSummary;
import io.posture.inventory.ImageViews.RegistrySummary;
import io.posture.inventory.ImageViews.RepositorySummary;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ImageRepository extends JpaRepository<ImageEntity, Long> {

    Optional<ImageEntity> findByIdentity(String identity);

    List<ImageEntity> findByDigest(String digest);

    /** Images by digest with their tags in one query: a cluster's images are resolved in bulk, not one query each. */
    @Query("select distinct i from ImageEntity i left join fetch i.tags where i.digest in :digests")
    List<ImageEntity> withDigests(java.util.Collection<String> digests);

    @Query("select distinct i from ImageEntity i left join fetch i.tags where i.identity in :identities")
    List<ImageEntity> withIdentities(java.util.Collection<String> identities);

    /** The digest images of these repositories (registry/repository), with their tags: how registries resolved tags. */
    @Query("""
            select distinct i from ImageEntity i left join fetch i.tags
            where i.digest is not null and concat(i.registry, '/', i.repository) in :repositories""")
    List<ImageEntity> digestImagesOf(java.util.Collection<String> repositories);

    @Modifying
    // exists, not in: H2 runs an uncorrelated in-subquery again for every row
    @Query("update ImageEntity i set i.lastSeen = :at where exists (select 1 from ImageUseEntity u where u.imageId = i.id and u.clusterId = :clusterId)")
    int markSeen(long clusterId, Instant at);

    /** Images of a repository that carry a tag, newest first: how the registry resolved the tag. */
    @Query("select i from ImageEntity i join i.tags t where i.registry = :registry and i.repository = :repository and t = :tag order by i.lastSeen desc")
    List<ImageEntity> withTag(String registry, String repository, String tag);

    String SUMMARY = """
            select new io.posture.inventory.ImageViews$ImageSummary(i.id, i.registry, i.repository, i.digest, i.os, i.createdAt,
                   i.configUser, i.signed, i.criticalCount, i.highCount, i.fixableCount, i.fixableCriticalHigh, i.lastScanned,
                   (select count(distinct concat(u.clusterId, '/', u.namespace, '/', u.workloadKind, '/', u.workloadName)) from ImageUseEntity u where u.imageId = i.id),
                   (select min(t) from ImageEntity j join j.tags t where j.id = i.id))
            from ImageEntity i
            """;

    /** Images matching a text in registry/repository, in use first, most critical first. */
    @Query(value = SUMMARY + """
            where (:text = '' or lower(concat(i.registry, '/', i.repository)) like concat('%', lower(:text), '%'))
              and (:registry = '' or i.registry = :registry)
              and (:inUseOnly = false or i.inUse = true)
            order by i.inUse desc, i.criticalCount desc, i.highCount desc, i.registry, i.repository, i.id""",
            countQuery = """
            select count(i) from ImageEntity i
            where (:text = '' or lower(concat(i.registry, '/', i.repository)) like concat('%', lower(:text), '%'))
              and (:registry = '' or i.registry = :registry)
              and (:inUseOnly = false or i.inUse = true)""")
    Page<ImageSummary> summaries(String text, String registry, boolean inUseOnly, Pageable pageable);

    @Query(SUMMARY + " where i.id = :id")
    Optional<ImageSummary> summary(long id);

    @Query("""
            select new io.posture.inventory.ImageViews$RegistrySummary(i.registry, count(distinct i.repository), count(i),
                   sum(case when i.inUse = true then 1 else 0 end))
            from ImageEntity i group by i.registry order by i.registry""")
    List<RegistrySummary> registries();

    @Query(value = """
            select new io.posture.inventory.ImageViews$RepositorySummary(i.registry, i.repository, count(i),
                   sum(case when i.inUse = true then 1 else 0 end), max(i.criticalCount), max(i.highCount))
            from ImageEntity i where i.registry = :registry group by i.registry, i.repository order by i.repository""",
            countQuery = "select count(distinct i.repository) from ImageEntity i where i.registry = :registry")
    Page<RepositorySummary> repositories(String registry, Pageable pageable);

    List<ImageEntity> findByRegistryAndRepositoryOrderByCreatedAtDesc(String registry, String repository);

    /** Only images whose flag changes are written: rewriting every image on every evaluation cost more than the check. */
    @Modifying
    @Query("update ImageEntity i set i.inUse = (exists (select 1 from ImageUseEntity u where u.imageId = i.id)) "
            + "where (i.inUse = true and not exists (select 1 from ImageUseEntity u where u.imageId = i.id)) "
            + "or (i.inUse = false and exists (select 1 from ImageUseEntity u where u.imageId = i.id))")
    int markInUse();

    /** Placeholders (no digest) no workload runs and no scan describes any more. */
    @Modifying
    @Query("""
            delete from ImageEntity i where i.digest is null and i.lastScanned is null
              and not exists (select 1 from ImageUseEntity u where u.imageId = i.id)""")
    int deleteUnusedPlaceholders();
}
