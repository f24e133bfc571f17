package io.posture.inventory.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One container of a pod seen running: the image as written and the image ID its node reports. */
@Entity
@Table(name = "running_container")
public class RunningContainerEntity extends Tracked {

    @Column(name = "cluster_id")
    private long clusterId;
    private String namespace;
    @Column(name = "pod_name")
    private String podName;
    @Column(name = "workload_kind")
    private String workloadKind;
    @Column(name = "workload_name")
    private String workloadName;
    @Column(name = "container_name")
    private String containerName;
    private String image;
    @Column(name = "image_id")
    private String imageId;

    protected RunningContainerEntity() {
    }

    public RunningContainerEntity(long clusterId, String namespace, String podName, String containerName) {
        this.clusterId = clusterId;
        this.namespace = namespace;
        this.podName = podName;
        this.containerName = containerName;
    }

    public void update(String workloadKind, String workloadName, String image, String imageId) {
        this.workloadKind = workloadKind;
        this.workloadName = workloadName;
        this.image = image;
        this.imageId = imageId;
    }

    /** The pod this container runs in, as namespace/name. */
    public String podKey() {
        return namespace + "/" + podName;
    }

    public String getContainerName() {
        return containerName;
    }

    /** Where in the inventory the pod belongs: namespace/kind/workload/container. */
    public String workloadContainerKey() {
        return namespace + "/" + workloadKind + "/" + workloadName + "/" + containerName;
    }

    public String getImageId() {
        return imageId;
    }
}
