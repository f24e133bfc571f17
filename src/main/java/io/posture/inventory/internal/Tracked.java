package io.posture.inventory.internal;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/** Identity plus first-seen / last-seen bookkeeping shared by everything the collectors observe. */
@MappedSuperclass
public abstract class Tracked {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "last_run_id")
    private Long lastRunId;

    public Long getId() {
        return id;
    }

    public Instant getFirstSeen() {
        return firstSeen;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public void seen(Instant at, Long runId) {
        if (firstSeen == null) {
            firstSeen = at;
        }
        lastSeen = at;
        lastRunId = runId;
    }
}
