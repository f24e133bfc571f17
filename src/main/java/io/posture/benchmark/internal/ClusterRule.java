package io.posture.benchmark.internal;

import io.posture.benchmark.ClusterSubject;

import java.util.List;

/**
 * Decides a control over the whole cluster, one verdict per resource it concerns (each role that
 * grants too much, each namespace without a network policy). No verdict means nothing concerned
 * the control: the cluster passes it, with {@link #noneFound()} as evidence.
 */
public interface ClusterRule {

    List<Verdict> evaluate(ClusterSubject cluster);

    String noneFound();

    /** The kinds the rule reads; when the latest collection could not read one, the rule cannot decide. */
    List<String> reads();

    record Verdict(String kind, String namespace, String name, RuleResult result) {
    }

    static ClusterRule of(String noneFound, List<String> reads,
                          java.util.function.Function<ClusterSubject, List<Verdict>> evaluation) {
        return new ClusterRule() {
            @Override
            public List<String> reads() {
                return reads;
            }

            @Override
            public List<Verdict> evaluate(ClusterSubject cluster) {
                return evaluation.apply(cluster);
            }

            @Override
            public String noneFound() {
                return noneFound;
            }
        };
    }
}
