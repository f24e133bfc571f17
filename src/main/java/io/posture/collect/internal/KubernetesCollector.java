package io.posture.collect.internal;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.posture.collect.CollectionProgressed;
import io.posture.collect.ConnectionViews.ConnectionCheck;
import io.posture.collect.ConnectionViews.Progress;
import io.posture.collect.ManifestException;
import io.posture.collect.ManifestObject;
import io.posture.collect.RunStatus;
import io.posture.inventory.InventoryWriter;
import io.posture.inventory.ObservedResource;
import io.posture.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import io.posture.collect.ImageScans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a live cluster through its API, kind by kind, page by page ({@code limit} + {@code continue}),
 * writing each page to the inventory before reading the next, so memory stays flat as clusters grow.
 * It only lists, and lists Secrets and ConfigMaps as metadata only. What it could not read is said in the run:
 * a 403 makes a kind "not visible", errors that outlast the retries make it failed; either makes the
 * run PARTIAL, and only a COMPLETE run removes what it no longer saw. Secrets are the exception to
 * the 403: the shipped collector role grants nothing on them (least privilege; reading their
 * metadata is an opt-in second role), so a 403 on Secrets leaves them out by choice: the run says
 * so, their controls are UNKNOWN, and the run is not PARTIAL for it.
 */
@Component
public class KubernetesCollector {

    private static final Logger log = LoggerFactory.getLogger(KubernetesCollector.class);
    private static final int MAX_LIST_RESTARTS = 3;
    private static final int UNREACHABLE_AFTER = 2;
    /** Operator reports stored per transaction. */
    private static final int OPERATOR_BATCH = 200;
    /** Objects a run names when the server sends ones it cannot read; the rest are counted. */
    private static final int NAMED_REFUSALS = 100;

    /** The kinds read, in order: namespaces first, so that workloads find their team. */
    static final List<KindSpec> KINDS = List.of(
            new KindSpec("Namespace", "v1", Namespace.class, false),
            new KindSpec("Node", "v1", Node.class, false),
            new KindSpec("Pod", "v1", Pod.class, true),
            new KindSpec("Deployment", "apps/v1", Deployment.class, true),
            new KindSpec("StatefulSet", "apps/v1", StatefulSet.class, true),
            new KindSpec("DaemonSet", "apps/v1", DaemonSet.class, true),
            new KindSpec("ReplicaSet", "apps/v1", ReplicaSet.class, true),
            new KindSpec("Job", "batch/v1", Job.class, true),
            new KindSpec("CronJob", "batch/v1", CronJob.class, true),
            new KindSpec("ServiceAccount", "v1", ServiceAccount.class, true),
            new KindSpec("Role", "rbac.authorization.k8s.io/v1", Role.class, true),
            new KindSpec("RoleBinding", "rbac.authorization.k8s.io/v1", RoleBinding.class, true),
            new KindSpec("ClusterRole", "rbac.authorization.k8s.io/v1", ClusterRole.class, false),
            new KindSpec("ClusterRoleBinding", "rbac.authorization.k8s.io/v1", ClusterRoleBinding.class, false),
            new KindSpec("NetworkPolicy", "networking.k8s.io/v1", NetworkPolicy.class, true),
            new KindSpec("Service", "v1", Service.class, true),
            new KindSpec("Ingress", "networking.k8s.io/v1", Ingress.class, true),
            new KindSpec("ValidatingWebhookConfiguration", "admissionregistration.k8s.io/v1",
                    ValidatingWebhookConfiguration.class, false),
            new KindSpec("MutatingWebhookConfiguration", "admissionregistration.k8s.io/v1",
                    MutatingWebhookConfiguration.class, false),
            KindSpec.optInMetadataOnly("Secret", Secret.class),
            KindSpec.metadataOnly("ConfigMap", ConfigMap.class));

    private final KubernetesClients clients;
    private final InventoryWriter inventory;
    private final CollectionRunRepository runs;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final RunCompletion completion;
    private final BatchWriter writer;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final int pageSize;
    private final int retries;
    private final Duration backoff;
    private final ImageScans imageScans;
    private final OperatorReportCollector operatorReports;

    KubernetesCollector(KubernetesClients clients, InventoryWriter inventory, CollectionRunRepository runs,
                        ApplicationEventPublisher events, AuditLog audit, RunCompletion completion, BatchWriter writer, Clock clock,
                        ImageScans imageScans,
                        @Value("${posture.collect.page-size:500}") int pageSize,
                        @Value("${posture.collect.retries:3}") int retries,
                        @Value("${posture.collect.backoff:500ms}") Duration backoff) {
        this.clients = clients;
        this.inventory = inventory;
        this.runs = runs;
        this.events = events;
        this.audit = audit;
        this.completion = completion;
        this.writer = writer;
        this.clock = clock;
        this.pageSize = pageSize;
        this.retries = retries;
        this.backoff = backoff;
        this.imageScans = imageScans;
        this.operatorReports = new OperatorReportCollector(pageSize);
    }

    public static int kindCount() {
        return KINDS.size();
    }

    /** Connects, asks for the server version, and tries to list one object of every kind. */
    public ConnectionCheck check(ClusterConnectionEntity connection) {
        return check(() -> clients.open(connection));
    }

    /** Connects with a client however it is made (saved or not) and lists one of each kind. */
    public ConnectionCheck check(java.util.function.Supplier<KubernetesClient> connect) {
        var readable = new ArrayList<String>();
        var notReadable = new ArrayList<String>();
        try (var client = connect.get()) {
            var version = client.getKubernetesVersion().getGitVersion();
            for (var kind : KINDS) {
                try {
                    list(client, kind, new ListOptionsBuilder().withLimit(1L).build());
                    readable.add(kind.kind());
                } catch (KubernetesClientException e) {
                    notReadable.add(kind.kind() + " (" + e.getCode() + ")");
                }
            }
            return new ConnectionCheck(version, readable, notReadable, null);
        } catch (RuntimeException e) {
            return new ConnectionCheck(null, readable, notReadable, rootMessage(e));
        }
    }

    /** Starts a run record for the connection; {@link #collect} fills it. */
    public CollectionRunEntity start(ClusterConnectionEntity connection) {
        var run = new CollectionRunEntity(connection.getClusterName(), "cluster API: " + describe(connection), clock.instant());
        run.progress(0, KINDS.size(), 0);
        return runs.save(run);
    }

    public void collect(ClusterConnectionEntity connection, CollectionRunEntity run) {
        var problems = new ArrayList<RunProblemEntity>();
        var refused = new ArrayList<RunProblemEntity>();
        int refusedObjects = 0;
        var counts = new LinkedHashMap<String, Integer>();
        int stored = 0;
        int read = 0;
        int kindsRead = 0;
        int kindsAttempted = 0;
        var leftOut = new ArrayList<String>();
        String operatorNote = null;
        long clusterId = inventory.registerCluster(connection.getClusterName(), connection.getEnvironment(), clock.instant());
        try (var client = clients.open(connection)) {
            int unreachable = 0;
            for (var kind : KINDS) {
                if (unreachable == UNREACHABLE_AFTER) {
                    problems.add(new RunProblemEntity("connection", "the API server did not answer for "
                            + UNREACHABLE_AFTER + " kinds in a row; the remaining kinds were not tried"));
                    break;
                }
                try {
                    var outcome = readKind(client, kind, clusterId, run.getId(), refused);
                    counts.put(kind.kind(), outcome.read());
                    read += outcome.read();
                    stored += outcome.stored();
                    refusedObjects += outcome.refused();
                    kindsRead++;
                    unreachable = 0;
                } catch (KindNotRead e) {
                    unreachable = e.noAnswer ? unreachable + 1 : 0;
                    if (e.forbidden && kind.optIn()) {
                        log.info("Collection of {}: {} left out (the collector role does not list them)",
                                connection.getClusterName(), kind.kind());
                        leftOut.add(kind.kind());
                    } else {
                        log.warn("Collection of {}: {} {}", connection.getClusterName(), kind.kind(), e.getMessage());
                        problems.add(new RunProblemEntity(kind.kind(), e.getMessage()));
                        read += e.readBeforeFailure;
                    }
                }
                progress(run, connection.getClusterName(), ++kindsAttempted, read);
            }
            if (kindsRead > 0) {
                operatorNote = operatorReports(client, connection.getClusterName());
            }
        } catch (RuntimeException e) {
            log.warn("Collection of {} stopped", connection.getClusterName(), e);
            problems.add(new RunProblemEntity("connection", "could not connect: " + rootMessage(e)));
        }
        var status = problems.isEmpty() && refusedObjects == 0 ? RunStatus.COMPLETE : kindsRead > 0 ? RunStatus.PARTIAL : RunStatus.FAILED;
        int removed = status == RunStatus.COMPLETE ? inventory.removeNotSeenIn(clusterId, run.getId()) : 0;
        if (status != RunStatus.FAILED) {
            inventory.recordUnreadKinds(clusterId, KINDS.stream().map(KindSpec::kind).filter(kind -> !counts.containsKey(kind)).toList());
        }
        var kindCounts = counts.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
        var message = kindsRead + " of " + KINDS.size() + " kinds read, " + read + " objects, " + stored + " stored"
                + (removed > 0 ? ", " + removed + " removed (no longer in the cluster)" : "")
                + (leftOut.isEmpty() ? "" : "; " + String.join(", ", leftOut) + " left out: the collector role does not list them"
                        + " (opt-in, see docs/collectors.md), so their controls are unknown")
                + (problems.isEmpty() ? "" : "; " + problems.size() + (problems.size() == 1 ? " kind" : " kinds") + " not read")
                + (operatorNote == null ? "" : "; " + operatorNote)
                + (refusedObjects == 0 ? "" : "; " + refusedObjects + (refusedObjects == 1 ? " object" : " objects") + " could not be read"
                        + (refusedObjects > refused.size() ? " (the first " + refused.size() + " are named)" : ""))
                + (status == RunStatus.COMPLETE ? "" : ", so nothing was removed");
        run.progress(kindsAttempted, KINDS.size(), read);
        run.counted(kindCounts, removed);
        var allProblems = new ArrayList<>(problems);
        allProblems.addAll(refused);
        run.finish(clusterId, status, clock.instant(), kindsRead, problems.size(), stored, read - stored, message, allProblems);
        runs.save(run);
        // Scoring and findings run on the completion event; "finished" is announced once they are done.
        var summary = completion.announce(run, clusterId);
        audit.record("CLUSTER_COLLECTED", "cluster " + connection.getClusterName(), null, summary.status().name(), summary.message());
        log.info("Collection of {}: {}, {}", connection.getClusterName(), summary.status(), summary.message());
        events.publishEvent(new CollectionProgressed(new Progress(run.getId(), connection.getClusterName(), kindsAttempted,
                KINDS.size(), read, true)));
    }

    /** Trivy Operator's scans of the cluster's images, stored as those images' scans; a line for the run, or null. */
    private String operatorReports(KubernetesClient client, String clusterName) {
        var outcome = operatorReports.collect(client);
        try {
            for (int from = 0; from < outcome.scans().size(); from += OPERATOR_BATCH) {
                imageScans.record("cluster " + clusterName + " (Trivy Operator)", outcome.sha256(),
                        outcome.scans().subList(from, Math.min(outcome.scans().size(), from + OPERATOR_BATCH)));
            }
        } catch (RuntimeException e) {
            // the inventory the run read stands; only the operator's scans are missing, and the run says so
            log.warn("Collection of {}: Trivy Operator reports not stored", clusterName, e);
            return "Trivy Operator vulnerability reports could not be stored (" + rootMessage(e) + ")";
        }
        return outcome.note();
    }

    private KindOutcome readKind(KubernetesClient client, KindSpec kind, long clusterId, long runId, List<RunProblemEntity> refused) {
        int read = 0;
        int stored = 0;
        int refusedHere = 0;
        int restarts = 0;
        String continueToken = null;
        while (true) {
            Page page;
            try {
                page = page(client, kind, continueToken);
            } catch (ExpiredContinue e) {
                if (++restarts > MAX_LIST_RESTARTS) {
                    throw new KindNotRead("the list kept expiring (410 Gone) after " + MAX_LIST_RESTARTS + " restarts", read);
                }
                // The continue token outlived the server's snapshot: list again from the start; writes are idempotent.
                continueToken = null;
                continue;
            } catch (KindNotRead e) {
                e.readBeforeFailure = read;
                throw e;
            }
            var batch = new ArrayList<ObservedResource>();
            for (var item : page.items()) {
                read++;
                try {
                    batch.addAll(ManifestMapper.map(toManifestObject(client, kind, item)));
                } catch (RuntimeException e) {
                    // one object the server answers strangely (no name, a StatefulSet without a pod template) is
                    // named on the run, which is then PARTIAL; the rest of the kind is still read and stored
                    refusedHere++;
                    if (refused.size() < NAMED_REFUSALS) {
                        refused.add(new RunProblemEntity(kind.kind() + " " + identity(item), e instanceof ManifestException
                                ? e.getMessage() : "could not be read (" + e.getClass().getSimpleName() + ")"));
                    }
                }
            }
            // Small transactions even when a server ignores the page limit and answers with everything at once.
            stored += writer.write(clusterId, runId, batch);
            continueToken = page.next();
            if (continueToken == null || continueToken.isEmpty()) {
                return new KindOutcome(read, stored, refusedHere);
            }
        }
    }

    private Page page(KubernetesClient client, KindSpec kind, String continueToken) {
        var options = new ListOptionsBuilder().withLimit((long) pageSize).withContinue(continueToken).build();
        RuntimeException last = null;
        boolean answered = false;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                sleep(backoff.multipliedBy(1L << (attempt - 1)));
            }
            try {
                var list = list(client, kind, options);
                return new Page(List.copyOf(list.getItems()), list.getMetadata() == null ? null : list.getMetadata().getContinue());
            } catch (KubernetesClientException e) {
                if (e.getCode() == 403 || e.getCode() == 401) {
                    var forbidden = new KindNotRead("not visible: the API answered " + e.getCode()
                            + " (the credentials may not list " + kind.kind() + " objects)", 0);
                    forbidden.forbidden = e.getCode() == 403;
                    throw forbidden;
                }
                if (e.getCode() == 410) {
                    throw new ExpiredContinue();
                }
                answered |= e.getCode() > 0;
                last = e;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        var failure = new KindNotRead("failed after " + (retries + 1) + " attempts: " + rootMessage(last), 0);
        failure.noAnswer = !answered;
        throw failure;
    }

    /** Lists one page; Secrets and ConfigMaps as metadata only ({@code as=PartialObjectMetadataList}), so no value is sent. */
    private static KubernetesResourceList<?> list(KubernetesClient client, KindSpec kind, ListOptions options) {
        var resources = client.resources(kind.type());
        var scope = kind.namespaced() ? resources.inAnyNamespace() : resources;
        return kind.metadataOnly() ? scope.listAsPartialObjectMetadata(options) : scope.list(options);
    }

    private ManifestObject toManifestObject(KubernetesClient client, KindSpec kind, HasMetadata item) {
        var metadata = item.getMetadata();
        if (metadata == null || metadata.getName() == null || metadata.getName().isBlank()) {
            throw new ManifestException("the server sent a " + kind.kind() + " without metadata.name");
        }
        // Of a metadata-only kind, nothing but the metadata is even serialised, whatever the server sent.
        var body = kind.metadataOnly()
                ? json.createObjectNode().set("metadata", json.readTree(client.getKubernetesSerialization().asJson(metadata)))
                : json.readTree(client.getKubernetesSerialization().asJson(item));
        return new ManifestObject(kind.kind() + " (API)", 0, kind.kind(), kind.apiVersion(),
                metadata.getNamespace(), metadata.getName(), body);
    }

    private static String identity(HasMetadata item) {
        var metadata = item.getMetadata();
        if (metadata == null || metadata.getName() == null) {
            return "without a name";
        }
        return metadata.getNamespace() == null ? metadata.getName() : metadata.getNamespace() + "/" + metadata.getName();
    }

    private void progress(CollectionRunEntity run, String clusterName, int kindsDone, int read) {
        run.progress(kindsDone, KINDS.size(), read);
        runs.updateProgress(run.getId(), kindsDone, read);
        events.publishEvent(new CollectionProgressed(new Progress(run.getId(), clusterName, kindsDone,
                KINDS.size(), read, false)));
    }

    private static String describe(ClusterConnectionEntity connection) {
        return switch (connection.getKind()) {
            case TOKEN -> connection.getServerUrl();
            case KUBECONFIG -> "kubeconfig context " + (connection.getContextName() == null ? "(current)" : connection.getContextName());
            case IN_CLUSTER -> "in-cluster service account";
        };
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KindNotRead("interrupted", 0);
        }
    }

    /** {@code optIn}: a kind the collector role may withhold by design; a 403 on it is no problem of the run. */
    record KindSpec(String kind, String apiVersion, Class<? extends HasMetadata> type, boolean namespaced,
                    boolean metadataOnly, boolean optIn) {

        KindSpec(String kind, String apiVersion, Class<? extends HasMetadata> type, boolean namespaced) {
            this(kind, apiVersion, type, namespaced, false, false);
        }

        static KindSpec metadataOnly(String kind, Class<? extends HasMetadata> type) {
            return new KindSpec(kind, "v1", type, true, true, false);
        }

        static KindSpec optInMetadataOnly(String kind, Class<? extends HasMetadata> type) {
            return new KindSpec(kind, "v1", type, true, true, true);
        }
    }

    private record KindOutcome(int read, int stored, int refused) {
    }

    private record Page(List<HasMetadata> items, String next) {
    }

    private static final class ExpiredContinue extends RuntimeException {
        ExpiredContinue() {
            super(null, null, false, false);
        }
    }

    private static final class KindNotRead extends RuntimeException {
        private int readBeforeFailure;
        /** The server gave no HTTP answer at all: unreachable, refused, TLS failure, timeout. */
        private boolean noAnswer;
        /** The server answered 403: the credentials may not list the kind. */
        private boolean forbidden;

        KindNotRead(String message, int readBeforeFailure) {
            super(message, null, false, false);
            this.readBeforeFailure = readBeforeFailure;
        }
    }
}
