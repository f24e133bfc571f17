package io.posture.collect.internal;

import io.posture.collect.RunViews.RunProblem;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "collection_run_problem")
public class RunProblemEntity {

    private static final int MAX_MESSAGE = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "run_id")
    private CollectionRunEntity run;
    private String location;
    private String message;

    protected RunProblemEntity() {
    }

    public RunProblemEntity(String location, String message) {
        this.location = location;
        this.message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }

    void attachTo(CollectionRunEntity run) {
        this.run = run;
    }

    public RunProblem toView() {
        return new RunProblem(location, message);
    }
}
