package io.posture.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.posture.security.AuditLog;
import io.posture.security.AuditLog.AuditEvent;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

@PermitAll
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log · Posture")
class AuditView extends VerticalLayout implements BeforeEnterObserver {

    private final Grid<AuditEvent> grid = new Grid<>();
    private final TextField search = new TextField("Search");
    private String text;

    AuditView(AuditLog audit) {
        addClassName("page");
        setSizeFull();
        search.setPlaceholder("who, what, which object, why");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        search.setWidth("24rem");
        search.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                Navigation.go(Navigation.audit(event.getValue()));
            }
        });
        add(new PageHeader("Audit log", "Every change of state, newest first: who, when, what changed from what to what, and why. Entries are never changed or removed."),
                search, grid);
        grid.addColumn(event -> Formats.time(event.at())).setHeader("When").setFlexGrow(0).setWidth("12rem");
        grid.addColumn(AuditEvent::actor).setHeader("Who").setFlexGrow(0).setWidth("9rem");
        grid.addColumn(AuditEvent::action).setHeader("What").setFlexGrow(0).setWidth("15rem");
        grid.addColumn(AuditEvent::subject).setHeader("Object").setFlexGrow(3);
        grid.addColumn(event -> (event.from() == null ? "" : event.from() + " → ") + (event.to() == null ? "" : event.to()))
                .setHeader("Change").setFlexGrow(1);
        grid.addColumn(event -> event.reason() == null ? "" : event.reason()).setHeader("Why").setFlexGrow(3);
        grid.setItemsPageable(pageable -> audit.search(text, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by("id").descending())).getContent());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No audit events match.");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        text = event.getLocation().getQueryParameters().getSingleParameter("q").orElse(null);
        search.setValue(text == null ? "" : text);
        grid.getDataProvider().refreshAll();
    }
}
