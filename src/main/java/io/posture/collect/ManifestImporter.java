package io.posture.collect;

import io.posture.collect.RunViews.RunSummary;
import io.posture.collect.internal.CollectionRunEntity;
import io.posture.collect.internal.CollectionRunRepository;
import io.posture.collect.internal.ManifestMapper;
import io.posture.collect.internal.BatchWriter;
import io.posture.collect.internal.RunCompletion;
import io.posture.collect.internal.RunProblemEntity;
import io.posture.collect.internal.TrivyOperatorReport;
import io.posture.inventory.ImageViews.ScanReport;
import io.posture.shared.Sha256;
import io.posture.inventory.InventoryWriter;
import io.posture.inventory.ObservedResource;
import io.posture.inventory.WorkloadKind;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Imports manifest files into a cluster's inventory as one CollectionRun. Each object is read or
 * refused on its own; what a file holds is written in bounded transactions ({@link BatchWriter}).
 */
@Service
public class ManifestImporter {

    private static final Logger log = LoggerFactory.getLogger(ManifestImporter.class);
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final ManifestReader reader;
    private final InventoryWriter inventory;
    private final CollectionRunRepository runs;
    private final RunCompletion completion;
    private final BatchWriter writer;
    private final Clock clock;
    private final AuditLog audit;
    private final ImageScans imageScans;

    ManifestImporter(InventoryWriter inventory, CollectionRunRepository runs, RunCompletion completion, BatchWriter writer,
                     Clock clock, AuditLog audit, ImageScans imageScans, @Value("${posture.import.max-file-size:16MB}") DataSize maxFileSize) {
        this.reader = new ManifestReader(maxFileSize.toBytes());
        this.inventory = inventory;
        this.runs = runs;
        this.completion = completion;
        this.writer = writer;
        this.clock = clock;
        this.audit = audit;
        this.imageScans = imageScans;
    }

    public RunSummary importPath(String clusterName, String environment, Path path) {
        return importPath(clusterName, environment, path, "manifests: " + path);
    }

    /**
     * Imports uploaded files (name as the user's browser gave it → where the upload was stored)
     * as one run. Only the base name of each file is kept, so a name can never point elsewhere.
     */
    @PreAuthorize(Roles.CAN_IMPORT)
    public RunSummary importUploaded(String clusterName, String environment, Map<String, Path> uploads) {
        requireValidClusterName(clusterName);
        Path staging = null;
        try {
            staging = Files.createTempDirectory("posture-upload");
            for (var upload : uploads.entrySet()) {
                Files.copy(upload.getValue(), staging.resolve(baseName(upload.getKey())), StandardCopyOption.REPLACE_EXISTING);
            }
            return importPath(clusterName, environment, staging, "upload: " + String.join(", ", new TreeMap<>(uploads).keySet()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not stage the uploaded files", e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Cluster names become part of URLs and identities: a DNS label, as Kubernetes names are. */
    public static void requireValidClusterName(String clusterName) {
        if (clusterName == null || !CLUSTER_NAME.matcher(clusterName).matches()) {
            throw new IllegalArgumentException("A cluster name has 1 to 63 lower-case letters, digits and dashes, "
                    + "and starts and ends with a letter or digit");
        }
    }

    private RunSummary importPath(String clusterName, String environment, Path path, String source) {
        var run = runs.save(new CollectionRunEntity(clusterName, source, clock.instant()));
        log.info("Importing {} into cluster {} (run {})", path, clusterName, run.getId());
        var problems = new ArrayList<RunProblemEntity>();
        var skippedKinds = new TreeMap<String, Integer>();
        int filesRead = 0;
        int filesFailed = 0;
        int refusedObjects = 0;
        int stored = 0;
        int imageReports = 0;
        // registered once there is something to store: a refused import leaves no trace in the inventory
        Long clusterId = null;
        List<Path> files;
        try {
            files = reader.files(path);
        } catch (ManifestException e) {
            files = List.of();
            problems.add(new RunProblemEntity(path.toString(), e.getMessage()));
        }
        for (var file : files) {
            var displayName = path.equals(file) ? file.getFileName().toString() : path.relativize(file).toString();
            try {
                var batch = new ArrayList<ObservedResource>();
                var contents = reader.read(file, displayName);
                contents.refused().forEach(refusal -> problems.add(new RunProblemEntity(displayName + ", " + refusal.where(),
                        refusal.reason())));
                refusedObjects += contents.refused().size();
                var operatorScans = new ArrayList<ScanReport>();
                for (var object : contents.objects()) {
                    if (TrivyOperatorReport.isVulnerabilityReport(object.kind(), object.apiVersion())) {
                        try {
                            operatorScans.add(TrivyOperatorReport.read(object.body()));
                        } catch (ManifestException e) {
                            refusedObjects++;
                            problems.add(new RunProblemEntity(displayName + ", line " + object.line() + ", VulnerabilityReport "
                                    + object.name(), e.getMessage()));
                        }
                        continue;
                    }
                    var mapped = ManifestMapper.map(object);
                    if (mapped.isEmpty() || mapped.getFirst() instanceof ObservedResource.Unevaluated) {
                        skippedKinds.merge(skippedLabel(object), 1, Integer::sum);
                    }
                    batch.addAll(mapped);
                }
                if (!batch.isEmpty()) {
                    clusterId = clusterId != null ? clusterId : inventory.registerCluster(clusterName, environment, clock.instant());
                    stored += writer.write(clusterId, run.getId(), batch);
                }
                if (!operatorScans.isEmpty()) {
                    imageScans.record(displayName, Sha256.hex(Files.readAllBytes(file)), operatorScans);
                    imageReports += operatorScans.size();
                }
                if (!contents.objects().isEmpty()) {
                    filesRead++;
                } else {
                    filesFailed++;
                }
            } catch (ManifestException e) {
                filesFailed++;
                problems.add(new RunProblemEntity(displayName, e.getMessage()));
            } catch (IOException e) {
                filesFailed++;
                problems.add(new RunProblemEntity(displayName, "could not be read again: " + e.getMessage()));
            } catch (DataAccessException e) {
                filesFailed++;
                log.warn("Could not store {}", displayName, e);
                problems.add(new RunProblemEntity(displayName, "could not be stored: " + e.getMostSpecificCause().getMessage()));
            } catch (RuntimeException | StackOverflowError e) {
                // whatever a file does to the reader, the run ends with a reason rather than RUNNING forever
                filesFailed++;
                log.error("Could not import {}", displayName, e);
                problems.add(new RunProblemEntity(displayName, "could not be read (" + e.getClass().getSimpleName() + "); the server log has the details"));
            }
        }
        if (files.isEmpty() && problems.isEmpty()) {
            problems.add(new RunProblemEntity(path.toString(), "no .yaml, .yml or .json files found"));
        }
        var status = problems.isEmpty() ? RunStatus.COMPLETE : filesRead > 0 ? RunStatus.PARTIAL : RunStatus.FAILED;
        if (status != RunStatus.FAILED) {
            // Files say nothing about kinds they lack: an import leaves no kind unread.
            clusterId = clusterId != null ? clusterId : inventory.registerCluster(clusterName, environment, clock.instant());
            inventory.recordUnreadKinds(clusterId, List.of());
        }
        int skipped = skippedKinds.values().stream().mapToInt(Integer::intValue).sum();
        run.finish(clusterId, status, clock.instant(), filesRead, filesFailed, stored, skipped,
                message(filesRead, filesFailed, refusedObjects, stored, skippedKinds)
                        + (imageReports == 0 ? "" : "; " + imageReports + " Trivy Operator vulnerability "
                        + (imageReports == 1 ? "report" : "reports") + " stored as image scans"), problems);
        runs.save(run);
        var summary = completion.announce(run, clusterId);
        audit.record("MANIFESTS_IMPORTED", "cluster " + clusterName, null, summary.status().name(), source + " → " + summary.message());
        log.info("Import of {} into cluster {}: {}, {}", path, clusterName, summary.status(), summary.message());
        return summary;
    }

    private static String baseName(String uploadedName) {
        var name = UploadNames.baseName(uploadedName);
        return name.isBlank() || name.startsWith(".") ? "upload-" + name + ".yaml" : name;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}", folder, e);
        }
    }

    private static String skippedLabel(ManifestObject object) {
        return WorkloadKind.of(object.kind()).isPresent()
                ? object.kind() + " owned by a controller (checked through the controller)" : object.kind();
    }

    private static String message(int filesRead, int filesFailed, int refused, int stored, Map<String, Integer> skipped) {
        var text = new StringBuilder().append(stored).append(stored == 1 ? " object from " : " objects from ").append(filesRead).append(filesRead == 1 ? " file" : " files");
        if (filesFailed > 0) {
            text.append("; ").append(filesFailed).append(filesFailed == 1 ? " file" : " files").append(" could not be read");
        }
        if (refused > 0) {
            text.append("; ").append(refused).append(refused == 1 ? " object" : " objects").append(" refused (see the problems)");
        }
        if (!skipped.isEmpty()) {
            text.append("; not evaluated: ").append(skipped.entrySet().stream()
                    .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }
}
