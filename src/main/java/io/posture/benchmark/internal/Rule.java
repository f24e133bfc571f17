package io.posture.benchmark.internal;

import io.posture.benchmark.PolicyVersion;

/** Decides one automated control on one pod; reused by every benchmark control that names its id. */
@FunctionalInterface
public interface Rule {
    RuleResult evaluate(PodView pod, PolicyVersion version);
}
