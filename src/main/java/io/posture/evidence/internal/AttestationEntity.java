package io.posture.evidence.internal;

import io.posture.evidence.Attestations.AttestationInfo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "attestation")
public class AttestationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "benchmark_id")
    private String benchmarkId;
    @Column(name = "control_id")
    private String controlId;
    @Column(name = "cluster_name")
    private String clusterName;
    private String statement;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    @Column(name = "attested_by")
    private String attestedBy;
    @Column(name = "attested_at")
    private Instant attestedAt;
    @Column(name = "attachment_name")
    private String attachmentName;
    @Column(name = "attachment_type")
    private String attachmentType;
    @Column(name = "attachment_sha256")
    private String attachmentSha256;
    private String attachment;

    protected AttestationEntity() {
    }

    public AttestationEntity(String benchmarkId, String controlId, String clusterName, String statement, LocalDate validFrom,
                             LocalDate validUntil, String attestedBy, Instant attestedAt) {
        this.benchmarkId = benchmarkId;
        this.controlId = controlId;
        this.clusterName = clusterName;
        this.statement = statement;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.attestedBy = attestedBy;
        this.attestedAt = attestedAt;
    }

    public void attach(String name, String type, String sha256, String base64) {
        this.attachmentName = name;
        this.attachmentType = type;
        this.attachmentSha256 = sha256;
        this.attachment = base64;
    }

    public String getAttachment() {
        return attachment;
    }

    public AttestationInfo toInfo() {
        return new AttestationInfo(id, benchmarkId, controlId, clusterName, statement, validFrom, validUntil, attestedBy, attestedAt,
                attachmentName, attachmentType, attachmentSha256);
    }
}
