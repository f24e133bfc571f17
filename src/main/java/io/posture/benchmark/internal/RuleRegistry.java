package io.posture.benchmark.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

/** Rules by id, so that benchmarks written as data can name them. */
public final class RuleRegistry {

    public enum Scope { POD, CLUSTER }

    private static final Map<String, Rule> POD_RULES = merged(PodSecurityRules.rules(), WorkloadRules.rules(), ImageRules.rules());
    private static final Map<String, ParameterizedRule> PARAMETERIZED = merged(WorkloadRules.parameterized(), ImageRules.parameterized());
    private static final Map<String, ClusterRule> CLUSTER_RULES = ClusterRules.rules();

    private RuleRegistry() {
    }

    public static Scope scopeOf(String ruleId) {
        if (POD_RULES.containsKey(ruleId) || PARAMETERIZED.containsKey(ruleId)) {
            return Scope.POD;
        }
        if (CLUSTER_RULES.containsKey(ruleId)) {
            return Scope.CLUSTER;
        }
        throw new NoSuchElementException("no rule with id '" + ruleId + "'");
    }

    /** The pod rule, configured with the control's parameters; refuses parameters the rule does not take. */
    public static Rule podRule(String ruleId, Map<String, Object> parameters) {
        var parameterized = PARAMETERIZED.get(ruleId);
        if (parameterized != null) {
            return parameterized.bind(parameters);
        }
        var rule = POD_RULES.get(ruleId);
        if (rule == null) {
            throw new NoSuchElementException("no pod rule with id '" + ruleId + "'");
        }
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException("takes no parameters");
        }
        return rule;
    }

    public static ClusterRule clusterRule(String ruleId) {
        var rule = CLUSTER_RULES.get(ruleId);
        if (rule == null) {
            throw new NoSuchElementException("no cluster rule with id '" + ruleId + "'");
        }
        return rule;
    }

    /** Every rule id, for the catalogue documentation and for validation messages. */
    public static Set<String> ids() {
        var ids = new TreeSet<String>(POD_RULES.keySet());
        ids.addAll(PARAMETERIZED.keySet());
        ids.addAll(CLUSTER_RULES.keySet());
        return ids;
    }

    @SafeVarargs
    private static <T> Map<String, T> merged(Map<String, T>... parts) {
        var all = new HashMap<String, T>();
        for (var part : parts) {
            all.putAll(part);
        }
        return Map.copyOf(all);
    }
}
