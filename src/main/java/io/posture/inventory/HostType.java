package io.posture.inventory;

/** A Kubernetes node (collected, or named by a kube-bench report) or a Docker host outside any cluster. */
public enum HostType {
    NODE, DOCKER_HOST;

    /** The kind shown for the host's results, in Kubernetes' spelling where there is one. */
    public String resourceKind() {
        return this == NODE ? "Node" : "DockerHost";
    }
}
