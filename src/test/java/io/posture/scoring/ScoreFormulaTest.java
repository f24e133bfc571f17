package io.posture.scoring;

import io.posture.benchmark.Severity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScoreFormulaTest {

    @Test
    void theWorkedExampleOfDocsScoringMd() {
        var formula = ScoreFormula.defaults();
        // 2 workloads × 3 controls: privileged (critical), runAsNonRoot (high), seccomp (medium).
        // web passes all three; worker fails runAsNonRoot and seccomp.
        long passed = 2L * formula.weight(Severity.CRITICAL) + formula.weight(Severity.HIGH) + formula.weight(Severity.MEDIUM);
        long evaluated = 2L * (formula.weight(Severity.CRITICAL) + formula.weight(Severity.HIGH) + formula.weight(Severity.MEDIUM));

        assertThat(passed).isEqualTo(28);
        assertThat(evaluated).isEqualTo(36);
        assertThat(ScoreFormula.score(passed, evaluated)).isCloseTo(77.78, within(0.01));
    }

    @Test
    void nothingEvaluatedMeansNoScoreRatherThanZeroOrHundred() {
        assertThat(ScoreFormula.score(0, 0)).isNull();
        assertThat(ScoreFormula.coverage(0, 0)).isNull();
    }

    @Test
    void scoresStayWithinZeroAndHundred() {
        assertThat(ScoreFormula.score(0, 50)).isZero();
        assertThat(ScoreFormula.score(50, 50)).isEqualTo(100.0);
    }

    @Test
    void unknownResultsLowerCoverageNotTheScore() {
        // 8 evaluated of 10 applicable: two could not be evaluated
        assertThat(ScoreFormula.coverage(8, 10)).isEqualTo(80.0);
    }

    @Test
    void weightsAreConfigurableAndMissingOnesKeepTheirDefault() {
        var formula = new ScoreFormula(Map.of(Severity.CRITICAL, 20));

        assertThat(formula.weight(Severity.CRITICAL)).isEqualTo(20);
        assertThat(formula.weight(Severity.LOW)).isEqualTo(1);
        assertThatThrownBy(() -> new ScoreFormula(Map.of(Severity.LOW, -1))).hasMessageContaining("must be 0 or more");
    }
}
