package io.posture.benchmark.internal;

import java.util.Map;
import java.util.NoSuchElementException;

/** Rules by id, so that benchmarks written as data can name them. */
public final class RuleRegistry {

    private static final Map<String, Rule> RULES = PodSecurityRules.rules();

    private RuleRegistry() {
    }

    public static Rule rule(String ruleId) {
        var rule = RULES.get(ruleId);
        if (rule == null) {
            throw new NoSuchElementException("no rule with id '" + ruleId + "'");
        }
        return rule;
    }

}
