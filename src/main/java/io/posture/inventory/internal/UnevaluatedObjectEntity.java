package io.posture.inventory.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An object of a kind no control looks at, kept by identity so that it is shown as not evaluated. */
@Entity
@Table(name = "unevaluated_object")
public class UnevaluatedObjectEntity extends Tracked {

    @Column(name = "cluster_id")
    private long clusterId;
    private String kind;
    @Column(name = "api_version")
    private String apiVersion;
    private String namespace;
    private String name;

    protected UnevaluatedObjectEntity() {
    }

    public UnevaluatedObjectEntity(long clusterId, String kind, String namespace, String name) {
        this.clusterId = clusterId;
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
    }

    /** Identity within the cluster: kind, namespace and name. */
    public String key() {
        return kind + "|" + namespace + "|" + name;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }
}
