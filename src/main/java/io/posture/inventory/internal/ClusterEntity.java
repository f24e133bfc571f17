package io.posture.inventory.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "cluster")
public class ClusterEntity extends Tracked {

    private String name;
    private String environment;

    protected ClusterEntity() {
    }

    public ClusterEntity(String name, String environment) {
        this.name = name;
        this.environment = environment;
    }

    public String getName() {
        return name;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }
}
