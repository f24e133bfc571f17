package io.posture.benchmark;

import java.util.List;

/** The result of a cluster-wide control on one resource (a role, a namespace, the cluster itself). */
public record ResourceOutcome(Control control, String kind, String namespace, String name, ControlStatus status,
                              List<Evidence> evidence) {
}
