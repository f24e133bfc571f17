package io.posture.inventory.internal;

import io.posture.inventory.WorkloadKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A workload container that runs an image; rebuilt for a cluster from its inventory before each evaluation. */
@Entity
@Table(name = "image_use")
public class ImageUseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "image_id")
    private long imageId;
    @Column(name = "cluster_id")
    private long clusterId;
    private String namespace;
    @Enumerated(EnumType.STRING)
    @Column(name = "workload_kind")
    private WorkloadKind workloadKind;
    @Column(name = "workload_name")
    private String workloadName;
    @Column(name = "container_name")
    private String containerName;
    private String reference;

    protected ImageUseEntity() {
    }

    public ImageUseEntity(long imageId, long clusterId, String namespace, WorkloadKind workloadKind, String workloadName,
                          String containerName, String reference) {
        this.imageId = imageId;
        this.clusterId = clusterId;
        this.namespace = namespace;
        this.workloadKind = workloadKind;
        this.workloadName = workloadName;
        this.containerName = containerName;
        this.reference = reference;
    }

    public long getImageId() {
        return imageId;
    }

    public String getReference() {
        return reference;
    }
}
