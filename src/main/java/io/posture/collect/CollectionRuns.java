package io.posture.collect;

import io.posture.collect.RunViews.RunProblem;
import io.posture.collect.RunViews.RunSummary;
import io.posture.collect.internal.CollectionRunEntity;
import io.posture.collect.internal.CollectionRunRepository;
import io.posture.collect.internal.RunProblemEntity;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Read side of collection runs. */
@Service
@Transactional(readOnly = true)
public class CollectionRuns {

    private final CollectionRunRepository runs;

    CollectionRuns(CollectionRunRepository runs) {
        this.runs = runs;
    }

    public Page<RunSummary> page(Pageable pageable) {
        return runs.findAll(pageable).map(CollectionRunEntity::toSummary);
    }

    /** A run by its id. */
    public java.util.Optional<RunSummary> run(long runId) {
        return runs.findById(runId).map(CollectionRunEntity::toSummary);
    }

    /** How many runs there are in each status, all time. */
    public java.util.Map<RunStatus, Long> countByStatus() {
        var counts = new java.util.EnumMap<RunStatus, Long>(RunStatus.class);
        runs.countByStatus().forEach(row -> counts.put((RunStatus) row[0], (Long) row[1]));
        return counts;
    }

    public List<RunProblem> problems(long runId) {
        return runs.findById(runId).map(run -> run.getProblems().stream().map(RunProblemEntity::toView).toList())
                .orElse(List.of());
    }
}
