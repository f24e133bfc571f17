package io.posture.scoring.internal;

/** The resource a control result is about, with the scopes it rolls up into. */
public record ResultResource(Long clusterId, String namespace, String team, Long workloadId, Long hostId, String kind,
                             String name) {
}
