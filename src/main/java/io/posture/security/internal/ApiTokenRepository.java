package io.posture.security.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface ApiTokenRepository extends JpaRepository<ApiTokenEntity, Long> {
    Optional<ApiTokenEntity> findByTokenHash(String tokenHash);

    List<ApiTokenEntity> findByUsernameOrderByCreatedAtDesc(String username);

    List<ApiTokenEntity> findAllByOrderByCreatedAtDesc();
}
