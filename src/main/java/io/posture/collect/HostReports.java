package io.posture.collect;

import io.posture.collect.HostReportViews.HostChecks;
import io.posture.collect.HostReportViews.HostReportInfo;
import io.posture.collect.HostReportViews.Tool;
import io.posture.collect.internal.HostReportEntity;
import io.posture.collect.internal.HostReportReader;
import io.posture.collect.internal.HostReportRepository;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryWriter;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import io.posture.shared.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * kube-bench reports per cluster node and docker-bench reports per Docker host. A report is read
 * completely before anything is stored (a bad file changes nothing); a new report for a host
 * replaces that host's results, and every report is kept as uploaded, as evidence.
 */
@Service
public class HostReports {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9._]{0,251}[A-Za-z0-9])?");

    private final HostReportRepository reports;
    private final InventoryWriter inventoryWriter;
    private final InventoryQueries inventory;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxFileBytes;

    HostReports(HostReportRepository reports, InventoryWriter inventoryWriter, InventoryQueries inventory,
                ApplicationEventPublisher events, AuditLog audit, Clock clock,
                @Value("${posture.import.max-file-size:16MB}") DataSize maxFileSize) {
        this.reports = reports;
        this.inventoryWriter = inventoryWriter;
        this.inventory = inventory;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.maxFileBytes = maxFileSize.toBytes();
    }

    /**
     * Stores a report for a node of {@code clusterName} (kube-bench) or for a Docker host
     * (docker-bench, no cluster). The host is named by {@code hostName}, or else by the file name
     * without its extension, since neither tool writes the host into its JSON.
     */
    @PreAuthorize(Roles.CAN_IMPORT)
    @Transactional
    public HostReportInfo upload(Tool tool, String clusterName, String hostName, String fileName, byte[] content) {
        return store(tool, clusterName, hostName, fileName, content);
    }

    /** A report file read at start-up (the demo estate): trusted, so no user permission applies. */
    @Transactional
    public HostReportInfo importFile(Tool tool, String clusterName, Path file) {
        return store(tool, clusterName, null, file.getFileName().toString(), UploadNames.contentOf(file));
    }

    /** The latest report of each tool for each host uploaded by the instant. */
    @Transactional(readOnly = true)
    public List<HostReportViews.ReportFile> reportsAsOf(java.time.Instant asOf) {
        return reports.findLatestAsOf(asOf).stream().map(HostReportEntity::toFile).toList();
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    private HostReportInfo store(Tool tool, String clusterName, String hostName, String fileName, byte[] content) {
        if (content.length > maxFileBytes) {
            throw new ManifestException(fileName + " is " + content.length / (1024 * 1024) + " MB; reports may be at most "
                    + maxFileBytes / (1024 * 1024) + " MB");
        }
        var host = hostName == null || hostName.isBlank() ? UploadNames.withoutExtension(fileName) : hostName.trim();
        if (!HOST_NAME.matcher(host).matches()) {
            throw new ManifestException("'" + host + "' is not a host name; name the node or Docker host the report came from");
        }
        Long clusterId = null;
        if (tool == Tool.KUBE_BENCH) {
            if (clusterName == null || clusterName.isBlank()) {
                throw new ManifestException("a kube-bench report belongs to a node of a cluster: choose the cluster");
            }
            clusterId = inventory.cluster(clusterName).orElseThrow(() ->
                    new ManifestException("no cluster named '" + clusterName + "'")).id();
        }
        var parsed = HostReportReader.read(tool, content);
        var now = clock.instant();
        var hostId = inventoryWriter.ensureHost(clusterId, host, now);
        var saved = reports.save(new HostReportEntity(hostId, clusterId, host, tool, parsed.toolVersion(),
                parsed.benchmarkVersion(), UploadNames.baseName(fileName), Sha256.hex(content),
                new String(content, StandardCharsets.UTF_8), AuditLog.currentActor(), now, parsed.checks().size()));
        audit.record("report.uploaded", tool.label() + " " + (clusterName == null ? "" : clusterName + "/") + host,
                null, parsed.checks().size() + " checks", saved.toInfo().sha256());
        events.publishEvent(new HostReportImported(clusterId, hostId, host));
        return saved.toInfo();
    }

    /** The checks of the latest report of each tool for each of the hosts (of one cluster, or Docker hosts for null). */
    @Transactional(readOnly = true)
    public List<HostChecks> latestChecks(Long clusterId, List<Long> hostIds) {
        if (hostIds.isEmpty()) {
            return List.of();
        }
        return reports.findLatest(clusterId, hostIds).stream().map(report -> {
            var parsed = HostReportReader.read(report.getTool(), report.getContent().getBytes(StandardCharsets.UTF_8));
            return new HostChecks(report.getId(), report.getHostId(), report.getHostName(), report.getTool(),
                    report.getBenchmarkVersion(), report.getUploadedAt(), parsed.checks());
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<HostReportInfo> reportsOf(long hostId) {
        return reports.findByHostIdOrderByIdDesc(hostId).stream().map(HostReportEntity::toInfo).toList();
    }
}
