package io.posture.scoring.internal;

import io.posture.scoring.ScoreFormula;

/**
 * Sums over the control results of one scope: what the score and coverage are computed from.
 * {@code key} is what the tally is grouped by besides the benchmark (a namespace, a section, a team), or null.
 */
public record Tally(String benchmarkId, String key, long passedWeight, long evaluatedWeight, long passed,
                    long failed, long excepted, long applicable) {

    public Double score() {
        return ScoreFormula.score(passedWeight, evaluatedWeight);
    }

    /** Applicable pairs that could not be evaluated. */
    public long unknown() {
        return applicable - passed - failed - excepted;
    }

    public Double coverage() {
        return ScoreFormula.coverage(passed + failed + excepted, applicable);
    }
}
