package io.posture.inventory.internal;

import jakarta.persistence.Column;
import io.posture.inventory.HostType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A node of a cluster, as its kubelet describes it, or a Docker host known from its reports.
 * Conditions, labels and taints are JSON.
 */
@Entity
@Table(name = "host")
public class HostEntity extends Tracked {

    @Column(name = "cluster_id")
    private Long clusterId;
    @Enumerated(EnumType.STRING)
    @Column(name = "host_type")
    private HostType type;
    private String name;
    @Column(name = "kubelet_version")
    private String kubeletVersion;
    @Column(name = "os_image")
    private String osImage;
    @Column(name = "kernel_version")
    private String kernelVersion;
    @Column(name = "container_runtime")
    private String containerRuntime;
    private String architecture;
    private String conditions;
    private String labels;
    private String taints;

    protected HostEntity() {
    }

    public HostEntity(Long clusterId, String name, HostType type) {
        this.clusterId = clusterId;
        this.name = name;
        this.type = type;
        this.conditions = "{}";
        this.labels = "{}";
        this.taints = "[]";
    }

    public void update(String kubeletVersion, String osImage, String kernelVersion, String containerRuntime,
                       String architecture, String conditions, String labels, String taints) {
        this.kubeletVersion = kubeletVersion;
        this.osImage = osImage;
        this.kernelVersion = kernelVersion;
        this.containerRuntime = containerRuntime;
        this.architecture = architecture;
        this.conditions = conditions;
        this.labels = labels;
        this.taints = taints;
    }

    public HostType getType() {
        return type;
    }

    public Long getClusterId() {
        return clusterId;
    }

    public String getName() {
        return name;
    }

    public String getKubeletVersion() {
        return kubeletVersion;
    }

    public String getOsImage() {
        return osImage;
    }

    public String getKernelVersion() {
        return kernelVersion;
    }

    public String getContainerRuntime() {
        return containerRuntime;
    }

    public String getArchitecture() {
        return architecture;
    }

    public String getConditions() {
        return conditions;
    }

    public String getLabels() {
        return labels;
    }

    public String getTaints() {
        return taints;
    }
}
