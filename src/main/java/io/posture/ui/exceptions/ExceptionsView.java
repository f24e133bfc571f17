package io.posture.ui.exceptions;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.findings.ExceptionService;
import io.posture.findings.ExceptionViews.ExceptionSummary;
import io.posture.findings.ExceptionViews.State;
import io.posture.security.Roles;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

@PermitAll
@Route(value = "exceptions", layout = MainLayout.class)
@PageTitle("Exceptions · Posture")
class ExceptionsView extends VerticalLayout implements BeforeEnterObserver {

    /** The lists of the register, by URL value. */
    enum Listing { PENDING, ACTIVE, EXPIRING, STALE, EXPIRED, REJECTED }

    private final ExceptionService exceptions;
    private final AuthenticationContext authentication;
    private final Select<Listing> listing = new Select<>();
    private final Grid<ExceptionSummary> grid = new Grid<>();

    ExceptionsView(ExceptionService exceptions, AuthenticationContext authentication) {
        this.exceptions = exceptions;
        this.authentication = authentication;
        addClassName("page");
        setSizeFull();
        listing.setLabel("Show");
        listing.setItems(Listing.values());
        listing.setItemLabelGenerator(value -> switch (value) {
            case PENDING -> "pending approval";
            case ACTIVE -> "active";
            case EXPIRING -> "expiring within 14 days";
            case STALE -> "stale (cover no finding any more)";
            case EXPIRED -> "expired";
            case REJECTED -> "rejected";
        });
        listing.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                Navigation.go(Navigation.exceptions(event.getValue().name().toLowerCase(Locale.ROOT)));
            }
        });
        add(new PageHeader("Exceptions", "Risk acceptances and false-positive claims. Each needs a justification, a scope, an expiry and the approval of a second person; when it expires, its findings reopen."),
                listing, grid);
        grid.addColumn(ExceptionSummary::id).setHeader("#").setFlexGrow(0).setWidth("5rem");
        grid.addColumn(row -> row.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).setHeader("Kind");
        grid.addColumn(ExceptionSummary::scopeLabel).setHeader("Scope").setFlexGrow(2);
        grid.addColumn(ExceptionSummary::justification).setHeader("Justification").setFlexGrow(3);
        grid.addColumn(row -> row.requestedBy() + (row.decidedBy() == null ? "" : " / " + row.decidedBy())).setHeader("Requested / decided by");
        grid.addColumn(row -> row.expiresOn().toString()).setHeader("Expires");
        grid.addColumn(ExceptionSummary::findingsCovered).setHeader("Findings");
        grid.addComponentColumn(this::decisionButtons).setHeader("").setFlexGrow(0).setWidth("13rem");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("Nothing here.");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var chosen = event.getLocation().getQueryParameters().getSingleParameter("list")
                .flatMap(value -> Arrays.stream(Listing.values()).filter(l -> l.name().equalsIgnoreCase(value)).findFirst())
                .orElse(Listing.PENDING);
        listing.setValue(chosen);
        grid.setItems(rows(chosen));
    }

    private List<ExceptionSummary> rows(Listing chosen) {
        return switch (chosen) {
            case PENDING -> exceptions.list(State.PENDING);
            case ACTIVE -> exceptions.list(State.ACTIVE);
            case EXPIRING -> exceptions.expiringWithin(14);
            case STALE -> exceptions.stale();
            case EXPIRED -> exceptions.list(State.EXPIRED);
            case REJECTED -> exceptions.list(State.REJECTED);
        };
    }

    private HorizontalLayout decisionButtons(ExceptionSummary row) {
        var buttons = new HorizontalLayout();
        if (row.state() != State.PENDING || !authentication.hasRole(Roles.SECURITY_MANAGER)) {
            return buttons;
        }
        if (authentication.getPrincipalName().filter(row.requestedBy()::equals).isPresent()) {
            buttons.add(new Span("needs another approver"));
            return buttons;
        }
        var approve = new Button("Approve", click -> decide(() -> exceptions.approve(row.id(), null)));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        var reject = new Button("Reject", click -> decide(() -> exceptions.reject(row.id(), null)));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        buttons.add(approve, reject);
        return buttons;
    }

    private void decide(Runnable decision) {
        try {
            decision.run();
        } catch (IllegalStateException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
        }
        grid.setItems(rows(listing.getValue()));
    }

}
