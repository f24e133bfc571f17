package io.posture.findings;

/** Published after a cluster's findings were reconciled with its latest evaluation. */
public record FindingsReconciled(String clusterName) {
}
