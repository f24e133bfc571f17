package io.posture.ui.finding;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
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
import io.posture.benchmark.Evidence;
import io.posture.discussion.Discussion;
import io.posture.discussion.Topic;
import io.posture.findings.ExceptionService;
import io.posture.findings.ExceptionViews.ExceptionRequest;
import io.posture.findings.FindingService;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingDetail;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.findings.FindingViews.HistoryEntry;
import io.posture.security.Roles;
import io.posture.ui.CommentsPanel;
import io.posture.ui.ExceptionRequestForm;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.stream.Collectors;

@PermitAll
@Route(value = "findings/:id", layout = MainLayout.class)
@PageTitle("Finding · Posture")
class FindingView extends VerticalLayout implements BeforeEnterObserver {

    private final FindingService findings;
    private final ExceptionService exceptions;
    private final Discussion discussion;
    private final AuthenticationContext authentication;
    private final Clock clock;

    FindingView(FindingService findings, ExceptionService exceptions, Discussion discussion,
                AuthenticationContext authentication, Clock clock) {
        this.findings = findings;
        this.exceptions = exceptions;
        this.discussion = discussion;
        this.authentication = authentication;
        this.clock = clock;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().getLong("id").orElseThrow(() -> new NotFoundException("no finding"));
        show(findings.detail(id).orElseThrow(() -> new NotFoundException("No finding " + id)));
    }

    private void show(FindingDetail detail) {
        removeAll();
        var finding = detail.summary();
        add(new PageHeader(finding.controlTitle() + " on " + finding.workloadKind() + " " + finding.workloadName(),
                status(finding.status()) + " · " + finding.severity().name().toLowerCase(Locale.ROOT) + " · cluster "
                        + finding.cluster() + " · namespace " + finding.namespace() + " · team "
                        + (finding.team() == null ? "unassigned" : finding.team()) + " · assignee "
                        + (finding.assignee() == null ? "nobody" : finding.assignee()) + " · first seen "
                        + Formats.time(finding.firstSeen()) + " · last seen " + Formats.time(finding.lastSeen()))
                .crumb("Findings", Navigation.findings(FindingFilter.none().withStatus(FindingStatus.OPEN)))
                .crumb("Workload", Navigation.workload(finding.cluster(), finding.namespace(), finding.workloadKind(),
                        finding.workloadName(), null)));

        if (authentication.hasAnyRole(Roles.ENGINEER, Roles.SECURITY_MANAGER) && finding.status().active()) {
            add(actions(detail));
            var form = new ExceptionRequestForm(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), true);
            form.addSubmitListener(submitted -> {
                try {
                    var id = exceptions.request(new ExceptionRequest(finding.id(), submitted.kind(), submitted.scope(),
                            submitted.justification(), submitted.expiresOn()));
                    Notification.show("Exception " + id + " requested; a security manager will review it.", 6000,
                            Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    show(findings.detail(finding.id()).orElseThrow());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    form.showError(e.getMessage());
                }
            });
            var details = new Details("Request an exception (risk acceptance or false positive)", form);
            details.setWidthFull();
            add(details);
        }
        var evidence = new Pre(detail.evidence().stream().map(Evidence::toString).collect(Collectors.joining("\n")));
        evidence.addClassName("evidence-block");
        add(new H2("Evidence"), evidence);
        var control = new Paragraph(detail.benchmarkTitle() + " · control " + finding.controlId()
                + (detail.alsoDetectedBy().isEmpty() ? "" : " · also checked as " + String.join("; ", detail.alsoDetectedBy())));
        control.addClassName("hint");
        add(control);
        if (detail.rationale() != null) {
            add(new H2("Why it matters"), new Paragraph(detail.rationale()), new H2("How to fix it"), new Paragraph(detail.remediation()));
        }
        var history = new Grid<HistoryEntry>();
        history.addColumn(entry -> Formats.time(entry.at())).setHeader("When");
        history.addColumn(HistoryEntry::actor).setHeader("Who");
        history.addColumn(entry -> (entry.from() == null ? "—" : status(entry.from())) + " → " + status(entry.to())).setHeader("Change");
        history.addColumn(entry -> entry.note() == null ? "" : entry.note()).setHeader("Note").setFlexGrow(3);
        history.setItems(detail.history());
        history.setAllRowsVisible(true);
        history.addClassName("history");
        var fingerprint = new Paragraph("Fingerprint " + detail.fingerprint());
        fingerprint.addClassName("hint");
        add(new H2("History"), history, fingerprint,
                new CommentsPanel(discussion, Topic.finding(finding.id()), authentication.hasAnyRole(Roles.ENGINEER, Roles.SECURITY_MANAGER)));
    }

    private HorizontalLayout actions(FindingDetail detail) {
        var id = detail.summary().id();
        var note = new TextField("Note");
        note.setPlaceholder("optional");
        note.setWidth("24rem");
        Button button;
        if (detail.summary().status() == FindingStatus.OPEN) {
            button = new Button("Start work", click -> {
                findings.startWork(id, note.getValue());
                show(findings.detail(id).orElseThrow());
            });
        } else {
            button = new Button("Back to open", click -> {
                findings.stopWork(id, note.getValue());
                show(findings.detail(id).orElseThrow());
            });
        }
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var actions = new HorizontalLayout(note, button);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        return actions;
    }

    private static String status(FindingStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

}
