package io.posture.discussion.internal;

import io.posture.discussion.Discussion.Comment;
import io.posture.discussion.Topic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

@Entity
@Immutable
@Table(name = "discussion_comment")
public class CommentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "topic_kind")
    private Topic.Kind topicKind;
    @Column(name = "topic_id")
    private long topicId;
    private String author;
    private String body;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CommentEntity() {
    }

    public CommentEntity(Topic.Kind topicKind, long topicId, String author, String body, Instant createdAt) {
        this.topicKind = topicKind;
        this.topicId = topicId;
        this.author = author;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Comment toView() {
        return new Comment(id, author, body, createdAt);
    }
}
