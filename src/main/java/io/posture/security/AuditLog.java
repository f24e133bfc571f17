package io.posture.security;

import io.posture.security.internal.AuditEventEntity;
import io.posture.security.internal.AuditEventRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The immutable trail of state changes: who, when, what changed from what to what, and why.
 * Events are only ever added; nothing updates or deletes them.
 */
@Service
public class AuditLog {

    public static final String SYSTEM = "system";

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records an event by the current user (or {@value #SYSTEM} outside a login), in the caller's transaction or its own. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String subject, String from, String to, String reason) {
        events.save(new AuditEventEntity(clock.instant(), currentActor(), action, subject, from, to, reason));
    }

    /** Events whose actor, action, subject or reason contains the text (any event for a blank text). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Page<AuditEvent> search(String text, Pageable pageable) {
        var pattern = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
        return events.search(pattern, pageable).map(AuditEventEntity::toView);
    }

    /** The events after {@code after} up to and including {@code until}, oldest first: for evidence of a period. */
    @Transactional(readOnly = true)
    public java.util.List<AuditEvent> between(Instant after, Instant until) {
        return events.findByOccurredAtGreaterThanAndOccurredAtLessThanEqualOrderByIdAsc(after, until).stream()
                .map(AuditEventEntity::toView).toList();
    }

    public static String currentActor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }

    public record AuditEvent(long id, Instant at, String actor, String action, String subject, String from, String to,
                             String reason) {
    }
}
