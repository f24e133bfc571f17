package io.posture.collect;

/** A kube-bench or docker-bench report replaced a host's results; {@code clusterId} is null for a Docker host. */
public record HostReportImported(Long clusterId, long hostId, String hostName) {
}
