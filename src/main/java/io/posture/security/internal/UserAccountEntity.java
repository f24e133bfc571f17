package io.posture.security.internal;

import io.posture.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

@Entity
@Table(name = "user_account")
public class UserAccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    private String roles;
    private boolean enabled;
    private boolean demo;
    @Column(name = "failed_logins")
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "created_at")
    private Instant createdAt;

    protected UserAccountEntity() {
    }

    public UserAccountEntity(String username, String displayName, String passwordHash, Set<Role> roles, boolean demo,
                             Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = Role.join(roles);
        this.enabled = true;
        this.demo = demo;
        this.createdAt = createdAt;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<Role> getRoles() {
        var set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(role -> !role.isBlank()).map(Role::valueOf).forEach(set::add);
        return set;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isDemo() {
        return demo;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public void setRoles(Set<Role> newRoles) {
        this.roles = Role.join(newRoles);
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void succeededLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }
}
