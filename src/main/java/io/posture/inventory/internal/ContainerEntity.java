package io.posture.inventory.internal;

import io.posture.inventory.ContainerType;
import io.posture.inventory.ObservedResource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "workload_container")
public class ContainerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "workload_id")
    private WorkloadEntity workload;

    private int position;
    @Enumerated(EnumType.STRING)
    @Column(name = "container_type")
    private ContainerType type;
    private String name;
    private String image;
    @Column(name = "security_context")
    private String securityContext;
    private String resources;
    private String probes;
    private String ports;
    @Column(name = "volume_mounts")
    private String volumeMounts;

    protected ContainerEntity() {
    }

    public ContainerEntity(WorkloadEntity workload, int position, ObservedResource.Container observed) {
        this.workload = workload;
        this.position = position;
        this.type = observed.type();
        this.name = observed.name();
        this.image = observed.image();
        this.securityContext = observed.securityContextJson();
        this.resources = observed.resourcesJson();
        this.probes = observed.probesJson();
        this.ports = observed.portsJson();
        this.volumeMounts = observed.volumeMountsJson();
    }

    public ContainerType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public String getImage() {
        return image;
    }

    public String getSecurityContext() {
        return securityContext;
    }

    public String getResources() {
        return resources;
    }

    public String getProbes() {
        return probes;
    }

    public String getPorts() {
        return ports;
    }
}
