package io.posture.security.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface UserAccountRepository extends JpaRepository<UserAccountEntity, Long> {
    Optional<UserAccountEntity> findByUsername(String username);

    List<UserAccountEntity> findByDemoTrue();

    Page<UserAccountEntity> findAllByOrderByUsernameAsc(Pageable pageable);

    @Query("select count(u) from UserAccountEntity u where u.enabled = true and u.roles like '%ADMIN%' and u.username <> :username")
    long countOtherEnabledAdmins(String username);
}
