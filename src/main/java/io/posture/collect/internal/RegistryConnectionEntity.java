package io.posture.collect.internal;

import io.posture.collect.RegistryViews.AuthKind;
import io.posture.collect.RegistryViews.RegistrySummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A registry Posture collects from; the credential (password or token) is encrypted by the vault. */
@Entity
@Table(name = "registry_connection")
public class RegistryConnectionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String url;
    @Enumerated(EnumType.STRING)
    @Column(name = "auth_kind")
    private AuthKind authKind;
    private String username;
    private String credential;
    private String repositories;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected RegistryConnectionEntity() {
    }

    public RegistryConnectionEntity(String name, String createdBy) {
        this.name = name;
        this.createdBy = createdBy;
    }

    public void configure(String url, AuthKind authKind, String username, List<String> repositories, Instant at) {
        this.url = url;
        this.authKind = authKind;
        this.username = username;
        this.repositories = String.join(",", repositories);
        this.updatedAt = at;
    }

    public void setCredential(String encrypted) {
        this.credential = encrypted;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public AuthKind getAuthKind() {
        return authKind;
    }

    public String getUsername() {
        return username;
    }

    public String getCredential() {
        return credential;
    }

    public List<String> getRepositories() {
        return repositories.isBlank() ? List.of() : Arrays.stream(repositories.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public RegistrySummary toSummary() {
        return new RegistrySummary(id, name, url, authKind, username, credential != null, getRepositories(), updatedAt);
    }
}
