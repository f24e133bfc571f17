package io.posture.benchmark.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user's benchmark as uploaded: the YAML is the definition, parsed again at every start. */
@Entity
@Table(name = "custom_benchmark")
public class CustomBenchmarkEntity {

    @Id
    private String id;
    private String title;
    @Column(name = "source_yaml")
    private String sourceYaml;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected CustomBenchmarkEntity() {
    }

    public CustomBenchmarkEntity(String id, String title, String sourceYaml, String uploadedBy, Instant uploadedAt) {
        this.id = id;
        this.title = title;
        this.sourceYaml = sourceYaml;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public void replace(String title, String sourceYaml, String uploadedBy, Instant uploadedAt) {
        this.title = title;
        this.sourceYaml = sourceYaml;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public String getId() {
        return id;
    }

    public String getSourceYaml() {
        return sourceYaml;
    }
}
