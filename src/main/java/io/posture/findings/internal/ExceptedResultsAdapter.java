package io.posture.findings.internal;

import io.posture.findings.ExceptionService;
import io.posture.scoring.ExceptedResults;
import org.springframework.stereotype.Component;

import java.util.function.Predicate;

@Component
class ExceptedResultsAdapter implements ExceptedResults {

    private final ExceptionService exceptions;

    ExceptedResultsAdapter(ExceptionService exceptions) {
        this.exceptions = exceptions;
    }

    @Override
    public Predicate<FailingPair> forCluster(String clusterName) {
        var excepted = exceptions.exceptedPairs(clusterName);
        return pair -> excepted.covers(pair.kind(), pair.namespace(), pair.workloadName(), pair.control());
    }
}
