package io.posture.inventory.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "kube_namespace")
public class NamespaceEntity extends Tracked {

    @Column(name = "cluster_id")
    private long clusterId;
    private String name;
    private String labels;
    private String team;

    protected NamespaceEntity() {
    }

    public NamespaceEntity(long clusterId, String name) {
        this.clusterId = clusterId;
        this.name = name;
        this.labels = "{}";
    }

    public long getClusterId() {
        return clusterId;
    }

    public String getName() {
        return name;
    }

    public String getLabels() {
        return labels;
    }

    public String getTeam() {
        return team;
    }

    public void update(String labels, String team) {
        this.labels = labels;
        this.team = team;
    }
}
