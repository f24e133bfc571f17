package io.posture.benchmark;

import io.posture.benchmark.internal.ClusterRule;
import io.posture.benchmark.internal.PodView;
import io.posture.benchmark.internal.RuleRegistry;
import io.posture.benchmark.internal.RuleResult;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Evaluates a benchmark, at a policy version, on one pod or pod template, or on a cluster as a
 * whole. Pure: no I/O. Controls decided by imported reports are not evaluated here.
 */
@Component
public class BenchmarkEvaluator {

    public static final String CLUSTER_KIND = "Cluster";

    /** The outcomes of the benchmark's pod-level controls on one pod or pod template. */
    public List<ControlOutcome> evaluate(Benchmark benchmark, PolicyVersion version, PodSubject subject) {
        var pod = new PodView(subject);
        var podControls = benchmark.controls().filter(BenchmarkEvaluator::isPodControl).toList();
        var overridden = new HashSet<String>();
        podControls.stream().filter(control -> version.isAtLeast(control.since()))
                .forEach(control -> overridden.addAll(control.overrides()));
        return podControls.stream().map(control -> {
            if (!version.isAtLeast(control.since())) {
                return new ControlOutcome(control, ControlStatus.NOT_APPLICABLE,
                        List.of(new Evidence("policy version", version + " (control applies from " + control.since() + ")")));
            }
            if (overridden.contains(control.id())) {
                return new ControlOutcome(control, ControlStatus.NOT_APPLICABLE,
                        List.of(new Evidence("policy version", version + " (replaced by a stricter control)")));
            }
            try {
                var result = RuleRegistry.podRule(control.rule(), control.parameters()).evaluate(pod, version);
                return new ControlOutcome(control, statusOf(result), result.evidence());
            } catch (RuntimeException e) {
                // a value no rule foresaw must never take the other controls, or the cluster, down with it
                return new ControlOutcome(control, ControlStatus.UNKNOWN, List.of(evaluationError(e)));
            }
        }).toList();
    }

    /**
     * The outcomes of the benchmark's cluster-wide controls: one per resource a rule concerns, a
     * MANUAL outcome on the cluster for each control a person attests, and PROVIDER_MANAGED on the
     * cluster for each control its managed platform ({@code provider}: eks, gke, aks, or null) answers for.
     */
    public List<ResourceOutcome> evaluateCluster(Benchmark benchmark, ClusterSubject subject, String provider) {
        var outcomes = new ArrayList<ResourceOutcome>();
        benchmark.controls().forEach(control -> {
            var managedBecause = control.managedBy(provider);
            if (managedBecause != null) {
                outcomes.add(onCluster(control, subject, ControlStatus.PROVIDER_MANAGED,
                        new Evidence("managed platform", provider.toUpperCase(java.util.Locale.ROOT) + ": " + managedBecause)));
            } else if (control.source() == Control.Source.MANUAL) {
                outcomes.add(onCluster(control, subject, ControlStatus.MANUAL,
                        new Evidence("attestation", "not decidable from the Kubernetes API; a person attests it")));
            } else if (control.source() == Control.Source.RULE && !isPodControl(control)) {
                outcomes.addAll(clusterRuleOutcomes(control, subject));
            }
        });
        return outcomes;
    }

    private static List<ResourceOutcome> clusterRuleOutcomes(Control control, ClusterSubject subject) {
        var rule = RuleRegistry.clusterRule(control.rule());
        var unread = rule.reads().stream().filter(subject.unreadKinds()::contains).toList();
        if (!unread.isEmpty()) {
            return List.of(onCluster(control, subject, ControlStatus.UNKNOWN, new Evidence("collection",
                    String.join(", ", unread) + " could not be read in the latest collection")));
        }
        List<ClusterRule.Verdict> verdicts;
        try {
            verdicts = rule.evaluate(subject);
        } catch (RuntimeException e) {
            return List.of(onCluster(control, subject, ControlStatus.UNKNOWN, evaluationError(e)));
        }
        if (verdicts.isEmpty()) {
            return List.of(onCluster(control, subject, ControlStatus.PASS, new Evidence("cluster", rule.noneFound())));
        }
        return verdicts.stream().map(verdict -> new ResourceOutcome(control, verdict.kind(), verdict.namespace(),
                verdict.name(), statusOf(verdict.result()),
                verdict.result().evidence())).toList();
    }

    /** Evidence of a rule that could not be evaluated: the result is UNKNOWN, never a PASS. */
    public static Evidence evaluationError(RuntimeException e) {
        var reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Evidence("evaluation error", reason.length() > 300 ? reason.substring(0, 300) + "…" : reason);
    }

    private static ControlStatus statusOf(RuleResult result) {
        return !result.decided() ? ControlStatus.UNKNOWN : result.passed() ? ControlStatus.PASS : ControlStatus.FAIL;
    }

    private static ResourceOutcome onCluster(Control control, ClusterSubject subject, ControlStatus status, Evidence evidence) {
        return new ResourceOutcome(control, CLUSTER_KIND, "", subject.clusterName(), status, List.of(evidence));
    }

    public static boolean isPodControl(Control control) {
        return control.source() == Control.Source.RULE && RuleRegistry.scopeOf(control.rule()) == RuleRegistry.Scope.POD;
    }
}
