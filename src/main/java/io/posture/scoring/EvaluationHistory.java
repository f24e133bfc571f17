package io.posture.scoring;

import io.posture.scoring.internal.EvaluationRecordRepository;
import io.posture.scoring.internal.EvaluationRecorder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Control results as they stood at a past moment: for each cluster (and the Docker hosts), the
 * results of its latest evaluation at or before that moment. Nothing evaluated later leaks in.
 */
@Service
public class EvaluationHistory {

    /** Which evaluation stood for a cluster at the moment asked: its cluster (null for Docker hosts) and time. */
    public record StandingEvaluation(String cluster, Instant evaluatedAt) {
    }

    private final EvaluationRecordRepository records;

    EvaluationHistory(EvaluationRecordRepository records) {
        this.records = records;
    }

    /** Passes every result standing at {@code asOf} to the consumer, cluster by cluster; returns which evaluations those were. */
    @Transactional(readOnly = true)
    public List<StandingEvaluation> resultsAsOf(Instant asOf, Consumer<RecordedResult> consumer) {
        var standing = records.latestAsOf(asOf);
        standing.forEach(record -> EvaluationRecorder.read(record, consumer));
        return standing.stream().map(record -> new StandingEvaluation(record.getClusterName(), record.getEvaluatedAt())).toList();
    }

    /** The evaluation that followed a collection run of a cluster: what "as of that run" means. */
    @Transactional(readOnly = true)
    public java.util.Optional<Instant> evaluationAfter(String clusterName, Instant runFinished) {
        return records.findFirstByClusterNameAndEvaluatedAtGreaterThanEqualOrderByEvaluatedAtAsc(clusterName, runFinished)
                .map(record -> record.getEvaluatedAt());
    }

    /** The objects each cluster's evaluation standing at {@code asOf} read, one JSON line each, with the cluster's name. */
    @Transactional(readOnly = true)
    public void inputsAsOf(Instant asOf, java.util.function.BiConsumer<String, String> consumer) {
        records.latestAsOf(asOf).stream().filter(record -> record.getClusterName() != null)
                .forEach(record -> EvaluationRecorder.readInputs(record, line -> consumer.accept(record.getClusterName(), line)));
    }
}
