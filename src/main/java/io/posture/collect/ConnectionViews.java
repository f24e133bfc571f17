package io.posture.collect;

import java.time.Instant;
import java.util.List;

/** What the UI and configuration know of cluster connections: never a credential once it is saved. */
public final class ConnectionViews {

    private ConnectionViews() {
    }

    /** How Posture reaches a cluster's API. */
    public enum ConnectionKind {
        /** A kubeconfig file's content and a context in it. */
        KUBECONFIG,
        /** An API server URL, a bearer token and the server's CA certificate (PEM). */
        TOKEN,
        /** The service account Posture runs as, when it runs in the cluster. */
        IN_CLUSTER
    }

    /**
     * A new or changed connection. The credential is the token, or the kubeconfig's content; blank
     * on a change keeps the stored one. The schedule is a Spring cron expression (default hourly).
     */
    public record ConnectionForm(String clusterName, String environment, ConnectionKind kind, String serverUrl,
                                 String contextName, String credential, String caCertificate, String schedule) {
    }

    public record ConnectionSummary(long id, String clusterName, String environment, ConnectionKind kind, String serverUrl,
                                    String contextName, String schedule, boolean hasCredential, Instant updatedAt) {
    }

    /** What "Test connection" found: the server version and which kinds the credentials may list. */
    public record ConnectionCheck(String serverVersion, List<String> readable, List<String> notReadable, String error) {
    }

    /** A run in progress, for progress bars. */
    public record Progress(long runId, String clusterName, int kindsDone, int kindsTotal, int objectsRead, boolean finished) {
    }
}
