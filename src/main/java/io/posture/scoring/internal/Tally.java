package io.posture.scoring.internal;

import io.posture.scoring.ScoreFormula;

/** Sums over the control results of one scope: what the score and coverage are computed from. */
public record Tally(String benchmarkId, String namespace, long passedWeight, long evaluatedWeight, long passed,
                    long failed, long excepted, long applicable) {

    public Double score() {
        return ScoreFormula.score(passedWeight, evaluatedWeight);
    }

    public Double coverage() {
        return ScoreFormula.coverage(passed + failed + excepted, applicable);
    }
}
