package io.posture.inventory.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

@Entity
@Table(name = "cluster")
public class ClusterEntity extends Tracked {

    private String name;
    private String environment;
    @Column(name = "unread_kinds")
    private String unreadKinds = "";

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

    /** Kinds the latest collection could not read, sorted. */
    public Set<String> getUnreadKinds() {
        return Arrays.stream(unreadKinds.split(",")).filter(kind -> !kind.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public void setUnreadKinds(Collection<String> kinds) {
        this.unreadKinds = kinds.stream().sorted().collect(Collectors.joining(","));
    }
}
