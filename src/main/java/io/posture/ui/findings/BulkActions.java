package io.posture.ui.findings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.posture.ui.Notices;
import io.posture.findings.ExceptionService;
import io.posture.findings.FindingService;
import io.posture.findings.FindingViews.FindingSummary;
import io.posture.remediation.TaskService;
import io.posture.ui.ExceptionRequestForm;
import io.posture.ui.Navigation;

import java.time.LocalDate;
import java.util.List;

/** What can be done with the findings picked in the grid: a task, exceptions, an assignee. Shown while rows are picked. */
class BulkActions extends HorizontalLayout {

    private final Grid<FindingSummary> grid;
    private final Span count = new Span();

    BulkActions(Grid<FindingSummary> grid, TaskService tasks, ExceptionService exceptions, FindingService findings,
                boolean mayAssign, LocalDate today) {
        this.grid = grid;
        addClassName("bulk-actions");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);

        var createTask = new Button("Create task", click -> Notices.attempt(() -> {
            var id = tasks.createFromFindings(picked());
            Notices.success("Task " + id + " created");
            Navigation.go(Navigation.task(id));
        }));
        createTask.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        var requestException = new Button("Request exception…", click -> exceptionDialog(exceptions, today).open());
        requestException.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(count, createTask, requestException);
        if (mayAssign) {
            var assignee = new TextField();
            assignee.setPlaceholder("user name, blank for nobody");
            assignee.setWidth("14rem");
            assignee.setAriaLabel("Assignee");
            var assign = new Button("Assign", click -> Notices.attempt(() -> {
                var changed = findings.assign(picked(), assignee.getValue());
                Notices.success(changed + (changed == 1 ? " finding" : " findings") + " assigned");
                assignee.clear();
                done();
            }));
            assign.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(assignee, assign);
        }
        var clear = new Button("Clear selection", click -> grid.deselectAll());
        clear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add(clear);
        setVisible(false);
        grid.addSelectionListener(selection -> {
            var picked = selection.getAllSelectedItems().size();
            count.setText(picked + (picked == 1 ? " finding picked" : " findings picked"));
            setVisible(picked > 0);
        });
    }

    private Dialog exceptionDialog(ExceptionService exceptions, LocalDate today) {
        var dialog = new Dialog();
        var ids = picked();
        dialog.setHeaderTitle("Request an exception for each of the " + ids.size() + " picked findings");
        var form = new ExceptionRequestForm(today, false);
        form.addSubmitListener(submitted -> {
            try {
                var requested = exceptions.requestForEach(ids, submitted.kind(), submitted.justification(), submitted.expiresOn());
                Notices.success(requested.size() + " exception requests sent; a security manager will review them");
                dialog.close();
                done();
            } catch (IllegalArgumentException | IllegalStateException e) {
                form.showError(e.getMessage());
            }
        });
        dialog.add(form);
        dialog.setWidth("48rem");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()));
        return dialog;
    }

    private List<Long> picked() {
        return grid.getSelectedItems().stream().map(FindingSummary::id).toList();
    }

    private void done() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }
}
