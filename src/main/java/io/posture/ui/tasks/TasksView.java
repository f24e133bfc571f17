package io.posture.ui.tasks;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.posture.remediation.TaskService;
import io.posture.remediation.TaskViews.TaskStatus;
import io.posture.remediation.TaskViews.TaskSummary;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.util.EnumMap;
import java.util.Map;

@PermitAll
@Route(value = "tasks", layout = MainLayout.class)
@PageTitle("Remediation tasks · Posture")
class TasksView extends VerticalLayout {

    private final TaskService tasks;
    private final Map<TaskStatus, Grid<TaskSummary>> columns = new EnumMap<>(TaskStatus.class);

    TasksView(TaskService tasks) {
        this.tasks = tasks;
        addClassName("page");
        setSizeFull();
        add(new PageHeader("Remediation tasks", "Work that groups findings. Due dates follow the SLA of the most severe finding; a task is done when all its findings are resolved by a complete run."));
        var board = new HorizontalLayout();
        board.setWidthFull();
        board.addClassName("task-board");
        for (var status : TaskStatus.values()) {
            var grid = column(status);
            columns.put(status, grid);
            var title = new H2(switch (status) {
                case OPEN -> "Open";
                case IN_PROGRESS -> "In progress";
                case DONE -> "Done";
            });
            var lane = new Div(title, grid);
            lane.addClassName("task-lane");
            board.add(lane);
        }
        add(board);
        refresh();
    }

    private Grid<TaskSummary> column(TaskStatus status) {
        var grid = new Grid<TaskSummary>();
        grid.addComponentColumn(this::card);
        grid.addItemClickListener(click -> Navigation.go(Navigation.task(click.getItem().id())));
        grid.addClassName("clickable");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(status == TaskStatus.DONE ? "Nothing closed yet." : "No tasks.");
        grid.addClassName("tasks-" + status.name().toLowerCase());
        return grid;
    }

    private Div card(TaskSummary task) {
        var title = new Span(task.title());
        title.addClassName("card-title");
        var due = new Span((task.overdue() ? "overdue since " : "due ") + task.dueOn());
        due.addClassName(task.overdue() ? "overdue" : "hint");
        var meta = new Span(task.findings() + (task.findings() == 1 ? " finding" : " findings") + " · "
                + (task.assignee() == null ? "unassigned" : task.assignee()) + (task.team() == null ? "" : " · team " + task.team()));
        meta.addClassName("hint");
        var card = new Div(new Div(Formats.severityBadge(task.severity()), title), meta, due);
        card.addClassName("task-card");
        return card;
    }

    private void refresh() {
        columns.forEach((status, grid) -> grid.setItems(tasks.byStatus(status)));
    }
}
