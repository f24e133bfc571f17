package io.posture.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.discussion.Discussion;
import io.posture.discussion.Topic;
import io.posture.findings.FindingViews.FindingSummary;
import io.posture.remediation.TaskService;
import io.posture.remediation.TaskViews.TaskDetail;
import io.posture.remediation.TaskViews.TaskStatus;
import io.posture.security.Roles;
import io.posture.ui.CommentsPanel;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.util.Locale;

@PermitAll
@Route(value = "tasks/:id", layout = MainLayout.class)
@PageTitle("Task · Posture")
class TaskView extends VerticalLayout implements BeforeEnterObserver {

    private final TaskService tasks;
    private final Discussion discussion;
    private final AuthenticationContext authentication;

    TaskView(TaskService tasks, Discussion discussion, AuthenticationContext authentication) {
        this.tasks = tasks;
        this.discussion = discussion;
        this.authentication = authentication;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().getLong("id").orElseThrow(() -> new NotFoundException("no task"));
        show(id);
    }

    private void show(long id) {
        var detail = tasks.detail(id).orElseThrow(() -> new NotFoundException("No task " + id));
        removeAll();
        var task = detail.summary();
        add(new PageHeader(task.title(), label(task.status().name()) + " · " + label(task.severity().name()) + " · "
                + (task.overdue() ? "overdue since " : "due ") + task.dueOn() + " · assignee "
                + (task.assignee() == null ? "nobody" : task.assignee()) + " · team " + (task.team() == null ? "—" : task.team())
                + " · created by " + task.createdBy() + " " + Formats.time(task.createdAt())
                + (task.closedAt() == null ? "" : " · closed " + Formats.time(task.closedAt())))
                .crumb("Tasks", Navigation.tasks()));
        if (task.status() != TaskStatus.DONE) {
            add(actions(detail));
        }
        var description = new Pre(task.description());
        description.addClassName("evidence-block");
        add(new H2("Description"), description, new H2("Findings (" + detail.findings().size() + ")"), findings(detail));
        add(new CommentsPanel(discussion, Topic.task(id), authentication.hasAnyRole(Roles.ENGINEER, Roles.SECURITY_MANAGER)));
    }

    private HorizontalLayout actions(TaskDetail detail) {
        var task = detail.summary();
        var actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (authentication.hasAnyRole(Roles.ENGINEER, Roles.SECURITY_MANAGER)) {
            var next = task.status() == TaskStatus.OPEN ? TaskStatus.IN_PROGRESS : TaskStatus.OPEN;
            var move = new Button(next == TaskStatus.IN_PROGRESS ? "Start work" : "Back to open", click -> {
                tasks.move(task.id(), next);
                show(task.id());
            });
            move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(move);
        }
        if (authentication.hasRole(Roles.SECURITY_MANAGER)) {
            var assignee = new TextField("Assignee");
            assignee.setPlaceholder("user name");
            assignee.setValue(task.assignee() == null ? "" : task.assignee());
            actions.add(assignee, new Button("Assign", click -> {
                tasks.assign(task.id(), assignee.getValue());
                show(task.id());
            }));
        }
        return actions;
    }

    private static Grid<FindingSummary> findings(TaskDetail detail) {
        var grid = new Grid<FindingSummary>();
        grid.addComponentColumn(row -> Formats.severityBadge(row.severity())).setHeader("Severity").setFlexGrow(0).setWidth("8rem");
        grid.addColumn(FindingSummary::controlTitle).setHeader("Control").setFlexGrow(2);
        grid.addColumn(row -> row.workloadKind() + " " + row.cluster() + "/" + row.namespace() + "/" + row.workloadName())
                .setHeader("Workload").setFlexGrow(3);
        grid.addColumn(row -> label(row.status().name())).setHeader("Status");
        grid.setItems(detail.findings());
        grid.setAllRowsVisible(true);
        grid.addClassName("clickable");
        grid.addItemClickListener(click -> Navigation.go(Navigation.finding(click.getItem().id())));
        return grid;
    }

    private static String label(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
