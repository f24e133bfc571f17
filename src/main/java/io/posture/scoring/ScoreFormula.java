package io.posture.scoring;

import io.posture.benchmark.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.Map;

/**
 * Score = 100 × (weight of passing pairs) / (weight of evaluated pairs), over (control, resource)
 * pairs that passed or failed. Manual, not-applicable and unknown pairs are outside the score;
 * unknown ones lower the coverage instead. See docs/scoring.md.
 */
@ConfigurationProperties("posture.scoring")
public record ScoreFormula(Map<Severity, Integer> weights) {

    /** Changes whenever the meaning of a score changes, so stored scores can be told apart. */
    public static final String VERSION = "posture-score/1";

    public static final Map<Severity, Integer> DEFAULT_WEIGHTS = Map.of(
            Severity.CRITICAL, 10, Severity.HIGH, 5, Severity.MEDIUM, 3, Severity.LOW, 1);

    public ScoreFormula {
        var merged = new EnumMap<Severity, Integer>(DEFAULT_WEIGHTS);
        if (weights != null) {
            weights.forEach((severity, weight) -> {
                if (weight == null || weight < 0) {
                    throw new IllegalArgumentException("posture.scoring.weights." + severity + " must be 0 or more");
                }
                merged.put(severity, weight);
            });
        }
        weights = Map.copyOf(merged);
    }

    public static ScoreFormula defaults() {
        return new ScoreFormula(null);
    }

    public int weight(Severity severity) {
        return weights.get(severity);
    }

    /** The score from 0 to 100, or null when nothing was evaluated (no score is better than a made-up one). */
    public static Double score(long passedWeight, long evaluatedWeight) {
        return evaluatedWeight == 0 ? null : 100.0 * passedWeight / evaluatedWeight;
    }

    /** Share of applicable pairs that could be evaluated, 0 to 100, or null when none applied. */
    public static Double coverage(long evaluated, long applicable) {
        return applicable == 0 ? null : 100.0 * evaluated / applicable;
    }
}
