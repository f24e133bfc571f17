package io.posture.inventory.internal;

import io.posture.inventory.WorkloadKind;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "workload")
public class WorkloadEntity extends Tracked {

    @Column(name = "cluster_id")
    private long clusterId;
    private String namespace;
    @Enumerated(EnumType.STRING)
    private WorkloadKind kind;
    private String name;
    private String labels;
    @Column(name = "pod_annotations")
    private String podAnnotations;
    @Column(name = "pod_spec")
    private String podSpec;
    @Column(name = "service_account")
    private String serviceAccount;

    @OneToMany(mappedBy = "workload", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ContainerEntity> containers = new ArrayList<>();

    protected WorkloadEntity() {
    }

    public WorkloadEntity(long clusterId, String namespace, WorkloadKind kind, String name) {
        this.clusterId = clusterId;
        this.namespace = namespace;
        this.kind = kind;
        this.name = name;
    }

    public void update(String labels, String podAnnotations, String podSpec, String serviceAccount) {
        this.labels = labels;
        this.podAnnotations = podAnnotations;
        this.podSpec = podSpec;
        this.serviceAccount = serviceAccount;
    }

    /** Identity within the cluster: kind, namespace and name. */
    public String key() {
        return kind.name() + "|" + namespace + "|" + name;
    }

    public long getClusterId() {
        return clusterId;
    }

    public String getNamespace() {
        return namespace;
    }

    public WorkloadKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getLabels() {
        return labels;
    }

    public String getPodAnnotations() {
        return podAnnotations;
    }

    public String getPodSpec() {
        return podSpec;
    }

    public String getServiceAccount() {
        return serviceAccount;
    }

    public List<ContainerEntity> getContainers() {
        return containers;
    }
}
