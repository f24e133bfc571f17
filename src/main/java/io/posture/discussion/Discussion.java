package io.posture.discussion;

import io.posture.discussion.internal.CommentEntity;
import io.posture.discussion.internal.CommentRepository;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Comments on findings and tasks: posted by those who triage, read by everyone signed in. */
@Service
public class Discussion {

    public static final int MAX_LENGTH = 4000;

    private final CommentRepository comments;
    private final AuditLog audit;
    private final Clock clock;

    Discussion(CommentRepository comments, AuditLog audit, Clock clock) {
        this.comments = comments;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(Roles.CAN_TRIAGE)
    @Transactional
    public Comment post(Topic topic, String body) {
        var text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A comment cannot be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A comment has at most " + MAX_LENGTH + " characters; this one has " + text.length());
        }
        var comment = comments.save(new CommentEntity(topic.kind(), topic.id(), AuditLog.currentActor(), text, clock.instant()));
        audit.record("COMMENT_ADDED", topic.toString(), null, abbreviate(text), null);
        return comment.toView();
    }

    /** The comments on a topic, oldest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Comment> thread(Topic topic) {
        return comments.findByTopicKindAndTopicIdOrderByIdAsc(topic.kind(), topic.id()).stream().map(CommentEntity::toView).toList();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    public record Comment(long id, String author, String body, Instant at) {
    }
}
