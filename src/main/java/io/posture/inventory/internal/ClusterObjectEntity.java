package io.posture.inventory.internal;

import io.posture.inventory.ObservedResource.SupportingKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** Service accounts, RBAC roles and bindings, network policies: identity plus their body. */
@Entity
@Table(name = "cluster_object")
public class ClusterObjectEntity extends Tracked {

    @Column(name = "cluster_id")
    private long clusterId;
    @Enumerated(EnumType.STRING)
    private SupportingKind kind;
    private String namespace;
    private String name;
    private String body;

    protected ClusterObjectEntity() {
    }

    public ClusterObjectEntity(long clusterId, SupportingKind kind, String namespace, String name) {
        this.clusterId = clusterId;
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
    }

    /** Identity within the cluster: kind, namespace and name. */
    public String key() {
        return kind.name() + "|" + namespace + "|" + name;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
