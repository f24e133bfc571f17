package io.posture.collect.internal;

import io.posture.collect.RunStatus;
import io.posture.collect.RunViews.RunSummary;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "collection_run")
public class CollectionRunEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "cluster_name")
    private String clusterName;
    @Column(name = "cluster_id")
    private Long clusterId;
    private String source;
    @Enumerated(EnumType.STRING)
    private RunStatus status = RunStatus.RUNNING;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "files_read")
    private int filesRead;
    @Column(name = "files_failed")
    private int filesFailed;
    @Column(name = "objects_stored")
    private int objectsStored;
    @Column(name = "objects_skipped")
    private int objectsSkipped;
    private String message;
    @Column(name = "kind_counts")
    private String kindCounts;
    @Column(name = "kinds_total")
    private int kindsTotal;
    @Column(name = "kinds_done")
    private int kindsDone;
    @Column(name = "objects_read")
    private int objectsRead;
    @Column(name = "objects_removed")
    private int objectsRemoved;

    @OneToMany(mappedBy = "run", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<RunProblemEntity> problems = new ArrayList<>();

    protected CollectionRunEntity() {
    }

    public CollectionRunEntity(String clusterName, String source, Instant startedAt) {
        this.clusterName = clusterName;
        this.source = source;
        this.startedAt = startedAt;
    }

    public Long getId() {
        return id;
    }

    public List<RunProblemEntity> getProblems() {
        return problems;
    }

    public void finish(Long clusterId, RunStatus status, Instant finishedAt, int filesRead, int filesFailed,
                       int objectsStored, int objectsSkipped, String message, List<RunProblemEntity> problems) {
        this.clusterId = clusterId;
        this.status = status;
        this.finishedAt = finishedAt;
        this.filesRead = filesRead;
        this.filesFailed = filesFailed;
        this.objectsStored = objectsStored;
        this.objectsSkipped = objectsSkipped;
        this.message = message;
        problems.forEach(problem -> problem.attachTo(this));
        this.problems.addAll(problems);
    }

    /**
     * The run ends FAILED although its inventory was stored: its evaluation failed, or Posture stopped
     * before the run could finish. The reason is kept with the run's problems.
     */
    public void fail(Instant at, String location, String reason) {
        this.status = RunStatus.FAILED;
        if (this.finishedAt == null) {
            this.finishedAt = at;
        }
        this.message = (message == null || message.isBlank() ? "" : message + "; ") + location + ": " + reason;
        var problem = new RunProblemEntity(location, reason);
        problem.attachTo(this);
        this.problems.add(problem);
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public RunStatus getStatus() {
        return status;
    }

    public String getClusterName() {
        return clusterName;
    }

    public void progress(int kindsDone, int kindsTotal, int objectsRead) {
        this.kindsDone = kindsDone;
        this.kindsTotal = kindsTotal;
        this.objectsRead = objectsRead;
    }

    /** What a live collection adds to {@link #finish}: objects per kind and how many were removed. */
    public void counted(String kindCounts, int objectsRemoved) {
        this.kindCounts = kindCounts;
        this.objectsRemoved = objectsRemoved;
    }

    public RunSummary toSummary() {
        return new RunSummary(id, clusterName, source, status, startedAt, finishedAt, filesRead, filesFailed,
                objectsStored, objectsSkipped, message, kindCounts, kindsDone, kindsTotal, objectsRead, objectsRemoved);
    }
}
