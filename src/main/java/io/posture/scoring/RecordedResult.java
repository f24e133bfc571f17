package io.posture.scoring;

import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.benchmark.Severity;

import java.time.Instant;
import java.util.List;

/**
 * One control result as an evaluation recorded it: what evidence exports read for a point in
 * time. {@code cluster} is null for a Docker host outside clusters, {@code namespace} null for
 * cluster-wide resources.
 */
public record RecordedResult(String cluster, String namespace, String team, String kind, String name, String benchmarkId,
                             String sectionId, String policyVersion, String controlId, Severity severity,
                             ControlStatus status, List<Evidence> evidence, Instant evaluatedAt) {
}
