package io.posture.scoring.internal;

/** A failing or excepted result read as plain values: reading a whole cluster's failures must not fill the persistence context. */
public record FailingResult(Long workloadId, String resourceKind, String namespace, String resourceName,
                            String benchmarkId, String controlId, String evidence) {
}
