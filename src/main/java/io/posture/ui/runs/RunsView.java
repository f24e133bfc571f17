package io.posture.ui.runs;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.collect.CollectionRuns;
import io.posture.collect.ManifestImporter;
import io.posture.collect.RunStatus;
import io.posture.security.Roles;
import io.posture.collect.RunViews.RunSummary;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.PageHeader;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import java.util.List;

@PermitAll
@Route(value = "runs", layout = MainLayout.class)
@PageTitle("Collection runs · Posture")
class RunsView extends VerticalLayout {

    RunsView(CollectionRuns runs, ManifestImporter importer, AuthenticationContext authentication) {
        addClassName("page");
        setSizeFull();
        add(new PageHeader("Collection runs", "Every import or collection, newest first. Click a run to see what could not be read."));
        var grid = new Grid<RunSummary>();
        var form = new ImportForm(List.of("prod", "staging", "dev"));
        form.addImportListener(request -> {
            if (request.files().isEmpty()) {
                Notification.show("Choose manifest files to import first.", 4000, Notification.Position.MIDDLE);
                return;
            }
            try {
                var run = importer.importUploaded(request.cluster(), request.environment(), request.files());
                form.reset();
                grid.getDataProvider().refreshAll();
                var notification = Notification.show(run.clusterName() + ": " + run.status().name().toLowerCase()
                        + ", " + run.message(), 8000, Notification.Position.TOP_CENTER);
                notification.addThemeVariants(run.status() == RunStatus.COMPLETE ? NotificationVariant.LUMO_SUCCESS
                        : NotificationVariant.LUMO_WARNING);
            } catch (IllegalArgumentException e) {
                form.showClusterError(e.getMessage());
            }
        });
        if (authentication.hasAnyRole(Roles.ADMIN, Roles.SECURITY_MANAGER)) {
            var importSection = new Details("Import manifests", form);
            importSection.setWidthFull();
            add(importSection);
        }
        grid.addColumn(run -> Formats.time(run.startedAt())).setHeader("Started");
        grid.addColumn(RunSummary::clusterName).setHeader("Cluster");
        grid.addComponentColumn(run -> {
            var status = new Span(run.status().name().toLowerCase());
            status.addClassNames("pill", "run-" + run.status().name().toLowerCase());
            return status;
        }).setHeader("Status");
        grid.addColumn(RunSummary::message).setHeader("Result").setFlexGrow(4);
        grid.addColumn(RunSummary::source).setHeader("Source").setFlexGrow(2);
        grid.setItemsPageable(pageable -> runs.page(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by("startedAt").descending().and(Sort.by("id").descending()))).getContent());
        grid.setItemDetailsRenderer(new ComponentRenderer<>(run -> {
            var problems = new UnorderedList();
            runs.problems(run.id()).forEach(problem -> problems.add(new ListItem(problem.location() + ": " + problem.message())));
            return problems.getComponentCount() == 0 ? new Div(new Span("No problems.")) : new Div(problems);
        }));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        add(grid);
    }
}
