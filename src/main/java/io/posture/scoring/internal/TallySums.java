package io.posture.scoring.internal;

import io.posture.benchmark.ControlStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tallies summed while an evaluation writes its results, grouped by benchmark and one key (a
 * namespace, a section, or none): the sums the tally queries compute, without reading hundreds of
 * thousands of rows back. A group exists once any result falls into it, whatever its status.
 */
public final class TallySums {

    private record Group(String benchmarkId, String key) {
    }

    /** passed weight, evaluated weight, passed, failed, excepted, applicable: {@link Tally}'s sums. */
    private final Map<Group, long[]> sums = new LinkedHashMap<>();

    public void add(String benchmarkId, String key, ControlStatus status, int weight) {
        var sum = sums.computeIfAbsent(new Group(benchmarkId, key), group -> new long[6]);
        switch (status) {
            case PASS -> {
                sum[0] += weight;
                sum[1] += weight;
                sum[2]++;
                sum[5]++;
            }
            case FAIL -> {
                sum[1] += weight;
                sum[3]++;
                sum[5]++;
            }
            case EXCEPTED -> {
                sum[4]++;
                sum[5]++;
            }
            case UNKNOWN -> sum[5]++;
            case NOT_APPLICABLE, MANUAL, PROVIDER_MANAGED -> {
                // outside the score and the coverage
            }
        }
    }

    /** Adds a whole tally (another scope's sums) to the group of its benchmark and this key. */
    public void add(String key, Tally tally) {
        var sum = sums.computeIfAbsent(new Group(tally.benchmarkId(), key), group -> new long[6]);
        sum[0] += tally.passedWeight();
        sum[1] += tally.evaluatedWeight();
        sum[2] += tally.passed();
        sum[3] += tally.failed();
        sum[4] += tally.excepted();
        sum[5] += tally.applicable();
    }

    public List<Tally> tallies() {
        return sums.entrySet().stream().map(entry -> {
            var sum = entry.getValue();
            return new Tally(entry.getKey().benchmarkId(), entry.getKey().key(), sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]);
        }).toList();
    }
}
