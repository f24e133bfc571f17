package io.posture.collect;

import io.posture.collect.ConnectionViews.ConnectionCheck;
import io.posture.collect.ConnectionViews.ConnectionForm;
import io.posture.collect.ConnectionViews.ConnectionKind;
import io.posture.collect.ConnectionViews.ConnectionSummary;
import io.posture.collect.ConnectionViews.Progress;
import io.posture.collect.internal.ClusterConnectionEntity;
import io.posture.collect.internal.ClusterConnectionRepository;
import io.posture.collect.internal.KubernetesClients;
import io.posture.collect.internal.KubernetesCollector;
import io.posture.security.AuditLog;
import io.posture.security.CredentialVault;
import io.posture.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;

/**
 * Live clusters: connections (administrators), runs on demand ("Collect now") and on each
 * connection's cron schedule, never two at once for one cluster, with progress while they run.
 */
@Service
public class ClusterConnections {

    public static final String HOURLY = "0 0 * * * *";
    private static final Logger log = LoggerFactory.getLogger(ClusterConnections.class);

    private final ClusterConnectionRepository connections;
    private final KubernetesCollector collector;
    private final KubernetesClients clients;
    private final CredentialVault vault;
    private final TaskScheduler scheduler;
    private final AuditLog audit;
    private final Clock clock;
    private final String inClusterName;
    private final ExecutorService runner = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("collect-", 0).daemon().factory());
    private final Map<String, Progress> running = new ConcurrentHashMap<>();
    private final Map<Long, ScheduledFuture<?>> schedules = new ConcurrentHashMap<>();

    ClusterConnections(ClusterConnectionRepository connections, KubernetesCollector collector, KubernetesClients clients,
                       CredentialVault vault, TaskScheduler scheduler, AuditLog audit, Clock clock,
                       @Value("${posture.collect.in-cluster-name:}") String inClusterName) {
        this.connections = connections;
        this.collector = collector;
        this.clients = clients;
        this.vault = vault;
        this.scheduler = scheduler;
        this.audit = audit;
        this.clock = clock;
        this.inClusterName = inClusterName;
    }

    public List<ConnectionSummary> list() {
        return connections.findAllByOrderByClusterName().stream().map(ClusterConnectionEntity::toSummary).toList();
    }

    /** Creates or changes the connection of a cluster; the credential is encrypted and never shown again. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public long save(ConnectionForm form) {
        ManifestImporter.requireValidClusterName(form.clusterName());
        var schedule = form.schedule() == null || form.schedule().isBlank() ? HOURLY : form.schedule().trim();
        if (!CronExpression.isValidExpression(schedule)) {
            throw new IllegalArgumentException("'" + schedule + "' is not a cron expression (six fields: second minute hour day month weekday, e.g. "
                    + HOURLY + " for hourly)");
        }
        var existing = connections.findByClusterName(form.clusterName());
        var connection = existing.orElseGet(() -> new ClusterConnectionEntity(form.clusterName(), AuditLog.currentActor()));
        var credential = form.credential() == null || form.credential().isBlank() ? null : form.credential();
        switch (form.kind()) {
            case TOKEN -> {
                if (!isServerUrl(form.serverUrl())) {
                    throw new IllegalArgumentException("A token connection needs the API server URL, such as https://k8s.example.com:6443");
                }
                if (credential == null && connection.getCredential() == null) {
                    throw new IllegalArgumentException("A token connection needs a bearer token");
                }
            }
            case KUBECONFIG -> {
                if (credential == null && connection.getCredential() == null) {
                    throw new IllegalArgumentException("A kubeconfig connection needs the kubeconfig's content");
                }
            }
            case IN_CLUSTER -> credential = null;
        }
        connection.configure(blankTo(form.environment(), "prod"), form.kind(), form.kind() == ConnectionKind.TOKEN ? form.serverUrl().trim() : null,
                form.kind() == ConnectionKind.KUBECONFIG ? blankTo(form.contextName(), null) : null, schedule, clock.instant());
        if (credential != null) {
            connection.setCredential(vault.encrypt(form.kind() == ConnectionKind.TOKEN
                    ? KubernetesClients.tokenCredential(credential, form.caCertificate()) : credential));
        } else if (form.kind() == ConnectionKind.IN_CLUSTER) {
            connection.setCredential(null);
        }
        var saved = connections.save(connection);
        audit.record(existing.isPresent() ? "CONNECTION_CHANGED" : "CONNECTION_CREATED", "cluster " + form.clusterName(), null,
                form.kind() + (saved.getServerUrl() == null ? "" : " " + saved.getServerUrl()) + ", schedule " + schedule,
                credential == null ? null : "credential set");
        schedule(saved);
        return saved.getId();
    }

    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public void delete(long id) {
        var connection = connection(id);
        connections.delete(connection);
        var future = schedules.remove(id);
        if (future != null) {
            future.cancel(false);
        }
        audit.record("CONNECTION_DELETED", "cluster " + connection.getClusterName(), connection.getKind().name(), null,
                "the inventory collected so far stays");
    }

    /** Connects and reports the server version and which kinds the credentials may list. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ConnectionCheck check(long id) {
        return collector.check(connection(id));
    }

    /**
     * Tests what the form says before it is saved: connects with the credential as typed (or, when
     * it is left blank, the one saved for that cluster) and stores nothing. Needs no encryption key
     * unless it falls back to a saved credential.
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ConnectionCheck check(ConnectionForm form) {
        var typed = form.credential() == null || form.credential().isBlank() ? null : form.credential();
        if (form.kind() == ConnectionKind.TOKEN && !isServerUrl(form.serverUrl())) {
            return new ConnectionCheck(null, List.of(), List.of(), "the API server URL is missing or not http(s)://…");
        }
        if (typed == null && form.kind() != ConnectionKind.IN_CLUSTER) {
            var saved = connections.findByClusterName(form.clusterName() == null ? "" : form.clusterName().trim())
                    .filter(connection -> connection.getKind() == form.kind() && connection.getCredential() != null);
            if (saved.isEmpty()) {
                return new ConnectionCheck(null, List.of(), List.of(), form.kind() == ConnectionKind.TOKEN
                        ? "no bearer token given" : "no kubeconfig given");
            }
            var connection = saved.get();
            return collector.check(() -> clients.open(form.kind(), form.serverUrl(), blankTo(form.contextName(), null),
                    vault.decrypt(connection.getCredential())));
        }
        var credential = form.kind() == ConnectionKind.TOKEN ? KubernetesClients.tokenCredential(typed, form.caCertificate()) : typed;
        return collector.check(() -> clients.open(form.kind(), form.kind() == ConnectionKind.TOKEN ? form.serverUrl().trim() : null,
                blankTo(form.contextName(), null), credential));
    }

    /** Whether credentials can be stored: {@code POSTURE_CREDENTIALS_KEY} is set. In-cluster connections need none. */
    public boolean credentialsCanBeStored() {
        return vault.configured();
    }

    /** Starts a run now, in the background; refuses when one is running for this cluster. */
    @PreAuthorize(Roles.CAN_IMPORT)
    public long collectNow(long id) {
        var connection = connection(id);
        var runId = launch(connection);
        audit.record("COLLECTION_REQUESTED", "cluster " + connection.getClusterName(), null, "run " + runId, "collect now");
        return runId;
    }

    /** Starts a run now of the connection of the named cluster (for the API, which names clusters, not connections). */
    @PreAuthorize(Roles.CAN_IMPORT)
    public long collectNow(String clusterName) {
        return collectNow(connections.findByClusterName(clusterName)
                .orElseThrow(() -> new NoSuchElementException("No live connection for cluster '" + clusterName + "'")).getId());
    }

    public List<Progress> running() {
        return running.values().stream().sorted(Comparator.comparing(Progress::clusterName)).toList();
    }

    @EventListener
    void onProgress(CollectionProgressed event) {
        var progress = event.progress();
        if (progress.finished()) {
            running.remove(progress.clusterName());
        } else {
            running.put(progress.clusterName(), progress);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleAll() {
        if (!inClusterName.isBlank() && connections.findByClusterName(inClusterName).isEmpty()) {
            var connection = new ClusterConnectionEntity(inClusterName, AuditLog.SYSTEM);
            connection.configure("prod", ConnectionKind.IN_CLUSTER, null, null, HOURLY, clock.instant());
            connections.save(connection);
            audit.record("CONNECTION_CREATED", "cluster " + inClusterName, null, "IN_CLUSTER, schedule " + HOURLY,
                    "posture.collect.in-cluster-name");
        }
        connections.findAll().forEach(this::schedule);
    }

    private void schedule(ClusterConnectionEntity connection) {
        var previous = schedules.remove(connection.getId());
        if (previous != null) {
            previous.cancel(false);
        }
        if (connection.isEnabled()) {
            var id = connection.getId();
            schedules.put(id, scheduler.schedule(() -> scheduledRun(id), new CronTrigger(connection.getSchedule(), ZoneOffset.UTC)));
        }
    }

    private void scheduledRun(long id) {
        connections.findById(id).ifPresent(connection -> {
            try {
                launch(connection);
            } catch (IllegalStateException e) {
                log.info("Scheduled collection of {} skipped: {}", connection.getClusterName(), e.getMessage());
            }
        });
    }

    private long launch(ClusterConnectionEntity connection) {
        var cluster = connection.getClusterName();
        var placeholder = new Progress(0, cluster, 0, 0, 0, false);
        if (running.putIfAbsent(cluster, placeholder) != null) {
            throw new IllegalStateException("A collection of " + cluster + " is already running");
        }
        try {
            var run = collector.start(connection);
            running.put(cluster, new Progress(run.getId(), cluster, 0, KubernetesCollector.kindCount(), 0, false));
            runner.submit(() -> {
                try {
                    collector.collect(connection, run);
                } catch (RuntimeException e) {
                    log.error("Collection of {} failed", cluster, e);
                } finally {
                    running.remove(cluster);
                }
            });
            return run.getId();
        } catch (RuntimeException e) {
            running.remove(cluster);
            throw e;
        }
    }

    private ClusterConnectionEntity connection(long id) {
        return connections.findById(id).orElseThrow(() -> new NoSuchElementException("no connection " + id));
    }

    private static boolean isServerUrl(String url) {
        return url != null && url.matches("https?://\\S+");
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
