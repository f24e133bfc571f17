package io.posture.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.ui.Notices;
import io.posture.benchmark.Severity;
import io.posture.remediation.SlaPolicy;
import io.posture.security.Roles;
import io.posture.ui.MainLayout;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

@PermitAll
@Route(value = "settings", layout = MainLayout.class)
@PageTitle("Settings · Posture")
class SettingsView extends VerticalLayout {

    SettingsView(SlaPolicy sla, AuthenticationContext authentication) {
        addClassName("page");
        var editable = authentication.hasRole(Roles.SECURITY_MANAGER);
        add(new PageHeader("Settings", editable
                ? "Remediation SLAs: the days a finding may stay open, per severity. A change applies to tasks created from now on and to SLA breaches on the overview; it is recorded in the audit log."
                : "Remediation SLAs: the days a finding may stay open, per severity. Only a security manager can change them."));
        add(new H2("Remediation SLA"));
        var fields = new EnumMap<Severity, IntegerField>(Severity.class);
        var row = new HorizontalLayout();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        sla.all().entrySet().stream().sorted(Map.Entry.<Severity, Integer>comparingByKey().reversed()).forEach(entry -> {
            var field = new IntegerField(entry.getKey().name().substring(0, 1) + entry.getKey().name().substring(1).toLowerCase(Locale.ROOT));
            field.setValue(entry.getValue());
            field.setMin(1);
            field.setSuffixComponent(new com.vaadin.flow.component.html.Span("days"));
            field.setWidth("9rem");
            field.setReadOnly(!editable);
            fields.put(entry.getKey(), field);
            row.add(field);
        });
        add(row);
        if (editable) {
            var reason = new TextField("Reason for the change");
            reason.setWidth("28rem");
            var save = new Button("Save SLAs", click -> {
                var days = new EnumMap<Severity, Integer>(Severity.class);
                fields.forEach((severity, field) -> days.put(severity, field.getValue()));
                if (Notices.attempt(() -> sla.update(days, reason.getValue().isBlank() ? null : reason.getValue().trim()))) {
                    reason.clear();
                    Notices.success("SLAs saved");
                }
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var actions = new HorizontalLayout(reason, save);
            actions.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(actions);
        }
    }
}
