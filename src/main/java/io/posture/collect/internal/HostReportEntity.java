package io.posture.collect.internal;

import io.posture.collect.HostReportViews.HostReportInfo;
import io.posture.collect.HostReportViews.Tool;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A kube-bench or docker-bench report exactly as uploaded, with its SHA-256: evidence of what a host reported. */
@Entity
@Table(name = "host_report")
public class HostReportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "host_id")
    private long hostId;
    @Column(name = "cluster_id")
    private Long clusterId;
    @Column(name = "host_name")
    private String hostName;
    @Enumerated(EnumType.STRING)
    private Tool tool;
    @Column(name = "tool_version")
    private String toolVersion;
    @Column(name = "benchmark_version")
    private String benchmarkVersion;
    @Column(name = "file_name")
    private String fileName;
    private String sha256;
    private String content;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;
    private int checks;

    protected HostReportEntity() {
    }

    public HostReportEntity(long hostId, Long clusterId, String hostName, Tool tool, String toolVersion,
                            String benchmarkVersion, String fileName, String sha256, String content, String uploadedBy,
                            Instant uploadedAt, int checks) {
        this.hostId = hostId;
        this.clusterId = clusterId;
        this.hostName = hostName;
        this.tool = tool;
        this.toolVersion = toolVersion;
        this.benchmarkVersion = benchmarkVersion;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.checks = checks;
    }

    public long getId() {
        return id;
    }

    public long getHostId() {
        return hostId;
    }

    public String getHostName() {
        return hostName;
    }

    public Tool getTool() {
        return tool;
    }

    public String getBenchmarkVersion() {
        return benchmarkVersion;
    }

    public String getContent() {
        return content;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public HostReportInfo toInfo() {
        return new HostReportInfo(id, hostId, hostName, tool, toolVersion, benchmarkVersion, fileName, sha256, checks,
                uploadedBy, uploadedAt);
    }

    public io.posture.collect.HostReportViews.ReportFile toFile() {
        return new io.posture.collect.HostReportViews.ReportFile(hostName, tool, fileName, sha256, content, uploadedAt);
    }
}
