package io.posture.benchmark;

import io.posture.benchmark.internal.PodView;
import io.posture.benchmark.internal.RuleRegistry;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;

/** Evaluates a benchmark, at a policy version, on one pod or pod template. Pure: no I/O. */
@Component
public class BenchmarkEvaluator {

    public List<ControlOutcome> evaluate(Benchmark benchmark, PolicyVersion version, PodSubject subject) {
        var pod = new PodView(subject);
        var applicable = benchmark.controls().filter(control -> version.isAtLeast(control.since())).toList();
        var overridden = new HashSet<String>();
        applicable.forEach(control -> overridden.addAll(control.overrides()));
        return benchmark.controls().map(control -> {
            if (!version.isAtLeast(control.since())) {
                return new ControlOutcome(control, ControlStatus.NOT_APPLICABLE,
                        List.of(new Evidence("policy version", version + " (control applies from " + control.since() + ")")));
            }
            if (overridden.contains(control.id())) {
                return new ControlOutcome(control, ControlStatus.NOT_APPLICABLE,
                        List.of(new Evidence("policy version", version + " (replaced by a stricter control)")));
            }
            var result = RuleRegistry.rule(control.rule()).evaluate(pod, version);
            return new ControlOutcome(control, result.passed() ? ControlStatus.PASS : ControlStatus.FAIL, result.evidence());
        }).toList();
    }
}
