package io.posture.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** Title, subtitle and breadcrumb trail at the top of every page; extra components go to the right. */
public class PageHeader extends Div {

    private final Div trail = new Div();
    private final Div actions = new Div();

    public PageHeader(String title, String subtitle) {
        addClassName("page-header");
        trail.addClassName("breadcrumbs");
        actions.addClassName("page-actions");
        var text = new Div(trail, new H1(title));
        if (subtitle != null) {
            var paragraph = new Paragraph(subtitle);
            paragraph.addClassName("subtitle");
            text.add(paragraph);
        }
        add(text, actions);
    }

    public PageHeader crumb(String label, String href) {
        if (trail.getComponentCount() > 0) {
            trail.add(new Span("›"));
        }
        trail.add(new Anchor(href, label));
        return this;
    }

    public PageHeader action(Component component) {
        actions.add(component);
        return this;
    }
}
