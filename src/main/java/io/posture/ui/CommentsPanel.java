package io.posture.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import io.posture.discussion.Discussion;
import io.posture.discussion.Topic;

/** The comment thread of a finding or task, with a box to add one for those who may. */
public class CommentsPanel extends Div {

    private final Discussion discussion;
    private final Topic topic;
    private final Div thread = new Div();

    public CommentsPanel(Discussion discussion, Topic topic, boolean mayComment) {
        this.discussion = discussion;
        this.topic = topic;
        addClassName("comments");
        thread.addClassName("comment-thread");
        add(new H2("Comments"), thread);
        if (mayComment) {
            var box = new TextArea();
            box.setPlaceholder("Add a comment: what you found, what you changed, who you asked");
            box.setWidthFull();
            box.setMaxLength(Discussion.MAX_LENGTH);
            var post = new Button("Comment", click -> {
                try {
                    discussion.post(topic, box.getValue());
                    box.clear();
                    box.setInvalid(false);
                    refresh();
                } catch (IllegalArgumentException e) {
                    box.setErrorMessage(e.getMessage());
                    box.setInvalid(true);
                }
            });
            add(box, post);
        }
        refresh();
    }

    private void refresh() {
        thread.removeAll();
        var comments = discussion.thread(topic);
        if (comments.isEmpty()) {
            var none = new Paragraph("No comments yet.");
            none.addClassName("hint");
            thread.add(none);
        }
        for (var comment : comments) {
            var meta = new Span(comment.author() + " · " + Formats.time(comment.at()));
            meta.addClassName("hint");
            var body = new Paragraph(comment.body());
            body.addClassName("comment-body");
            var entry = new Div(meta, body);
            entry.addClassName("comment");
            thread.add(entry);
        }
    }
}
