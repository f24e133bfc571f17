package io.posture.security.internal;

import io.posture.security.ApiTokens.TokenInfo;
import io.posture.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An API token of a user, acting with one of the user's roles; only the token's SHA-256 is stored. */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String name;
    @Column(name = "token_hash")
    private String tokenHash;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiTokenEntity() {
    }

    public ApiTokenEntity(String username, String name, String tokenHash, Role role, Instant createdAt, Instant expiresAt) {
        this.username = username;
        this.name = name;
        this.tokenHash = tokenHash;
        this.role = role;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean isValidAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void used(Instant at) {
        lastUsedAt = at;
    }

    public void revoke(Instant at) {
        revokedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getName() {
        return name;
    }

    public Role getRole() {
        return role;
    }

    public TokenInfo toInfo() {
        return new TokenInfo(id, username, name, role, createdAt, expiresAt, revokedAt, lastUsedAt);
    }
}
