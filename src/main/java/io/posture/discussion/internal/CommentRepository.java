package io.posture.discussion.internal;

import io.posture.discussion.Topic;
import org.springframework.data.repository.Repository;

import java.util.List;

/** Comments are only added and read: no update or delete path. */
public interface CommentRepository extends Repository<CommentEntity, Long> {

    CommentEntity save(CommentEntity comment);

    List<CommentEntity> findByTopicKindAndTopicIdOrderByIdAsc(Topic.Kind topicKind, long topicId);
}
