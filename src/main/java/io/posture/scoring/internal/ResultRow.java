package io.posture.scoring.internal;

import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.benchmark.Severity;

import java.time.Instant;
import java.util.List;

/**
 * A control result as an evaluation produces it, before it is stored: its evidence as a list and as
 * JSON, and, for a failure (FAIL or EXCEPTED), the control whose finding it keeps open.
 */
public record ResultRow(ResultResource resource, String benchmarkId, String sectionId, String policyVersion, String controlId,
                        Severity severity, int weight, ControlStatus status, List<Evidence> evidence, String evidenceJson,
                        Instant evaluatedAt, BenchmarkCatalog.Problem problem) {

    /** The resource's namespace; null, never empty, for cluster-wide resources. */
    public String namespace() {
        return resource.namespace() == null || resource.namespace().isEmpty() ? null : resource.namespace();
    }
}
