package io.posture.collect.internal;

import io.posture.collect.ConnectionViews.ConnectionKind;
import io.posture.collect.ConnectionViews.ConnectionSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "cluster_connection")
public class ClusterConnectionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "cluster_name")
    private String clusterName;
    private String environment;
    @Enumerated(EnumType.STRING)
    private ConnectionKind kind;
    @Column(name = "server_url")
    private String serverUrl;
    @Column(name = "context_name")
    private String contextName;
    /** Encrypted; see CredentialVault. */
    private String credential;
    private String schedule;
    private boolean enabled = true;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ClusterConnectionEntity() {
    }

    public ClusterConnectionEntity(String clusterName, String createdBy) {
        this.clusterName = clusterName;
        this.createdBy = createdBy;
    }

    public void configure(String environment, ConnectionKind kind, String serverUrl, String contextName, String schedule, Instant at) {
        this.environment = environment;
        this.kind = kind;
        this.serverUrl = serverUrl;
        this.contextName = contextName;
        this.schedule = schedule;
        this.updatedAt = at;
    }

    public void setCredential(String encrypted) {
        this.credential = encrypted;
    }

    public Long getId() {
        return id;
    }

    public String getClusterName() {
        return clusterName;
    }

    public String getEnvironment() {
        return environment;
    }

    public ConnectionKind getKind() {
        return kind;
    }

    public String getServerUrl() {
        return serverUrl;
    }

    public String getContextName() {
        return contextName;
    }

    public String getCredential() {
        return credential;
    }

    public String getSchedule() {
        return schedule;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public ConnectionSummary toSummary() {
        return new ConnectionSummary(id, clusterName, environment, kind, serverUrl, contextName, schedule, credential != null, updatedAt);
    }
}
