package io.posture.scoring;

import io.posture.scoring.internal.Tally;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the score over random sets of (control, resource) results: bounded 0–100, fixing a
 * failure never lowers it, an UNKNOWN result never raises it (only lowers coverage).
 */
class ScorePropertiesTest {

    private static final int[] WEIGHTS = {1, 3, 5, 10};
    private final Random random = new Random(20261123L);

    enum Status { PASS, FAIL, UNKNOWN, MANUAL }

    record Result(int weight, Status status) {
    }

    @RepeatedTest(200)
    void boundedMonotoneAndUnknownNeverRaises() {
        var results = randomResults();
        var before = tally(results);
        if (before.score() != null) {
            assertThat(before.score()).isBetween(0.0, 100.0);
        }
        var coverage = coverage(results);
        if (coverage != null) {
            assertThat(coverage).isBetween(0.0, 100.0);
        }

        var failing = indexOf(results, Status.FAIL);
        if (failing >= 0) {
            var fixed = new ArrayList<>(results);
            fixed.set(failing, new Result(results.get(failing).weight(), Status.PASS));
            assertThat(tally(fixed).score()).isGreaterThanOrEqualTo(before.score());
        }

        var evaluated = indexOf(results, random.nextBoolean() ? Status.PASS : Status.FAIL);
        if (evaluated >= 0) {
            var unknown = new ArrayList<>(results);
            unknown.set(evaluated, new Result(results.get(evaluated).weight(), Status.UNKNOWN));
            var after = tally(unknown).score();
            var passedBefore = results.get(evaluated).status() == Status.PASS;
            if (after != null && passedBefore) {
                // a pass that becomes unknown can only take points away
                assertThat(after).isLessThanOrEqualTo(before.score() + 1e-9);
            }
            assertThat(coverage(unknown)).isLessThanOrEqualTo(coverage(results));
            var added = new ArrayList<>(results);
            added.add(new Result(WEIGHTS[random.nextInt(WEIGHTS.length)], Status.UNKNOWN));
            assertThat(tally(added).score()).isEqualTo(before.score());
        }
    }

    @Test
    void nothingEvaluatedHasNoScoreRatherThanAPerfectOne() {
        assertThat(tally(List.of(new Result(10, Status.UNKNOWN), new Result(5, Status.MANUAL))).score()).isNull();
        assertThat(coverage(List.of(new Result(10, Status.UNKNOWN)))).isZero();
    }

    private List<Result> randomResults() {
        var results = new ArrayList<Result>();
        int size = 1 + random.nextInt(40);
        for (int i = 0; i < size; i++) {
            results.add(new Result(WEIGHTS[random.nextInt(WEIGHTS.length)], Status.values()[random.nextInt(Status.values().length)]));
        }
        return results;
    }

    private static int indexOf(List<Result> results, Status status) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).status() == status) {
                return i;
            }
        }
        return -1;
    }

    /** The same sums the database computes (ControlResultRepository.TALLY), over the list. */
    private static Tally tally(List<Result> results) {
        long passedWeight = results.stream().filter(r -> r.status() == Status.PASS).mapToLong(Result::weight).sum();
        long evaluatedWeight = results.stream().filter(r -> r.status() == Status.PASS || r.status() == Status.FAIL)
                .mapToLong(Result::weight).sum();
        long passed = results.stream().filter(r -> r.status() == Status.PASS).count();
        long failed = results.stream().filter(r -> r.status() == Status.FAIL).count();
        long applicable = results.stream().filter(r -> r.status() != Status.MANUAL).count();
        return new Tally("b", null, passedWeight, evaluatedWeight, passed, failed, 0, applicable);
    }

    private static Double coverage(List<Result> results) {
        return tally(results).coverage();
    }
}
