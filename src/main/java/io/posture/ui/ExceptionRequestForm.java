package io.posture.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import io.posture.findings.ExceptionViews.Kind;
import io.posture.findings.ExceptionViews.Scope;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Kind, scope, justification and expiry of an exception request; fires {@link Submitted}, knows no services.
 * Without a scope choice (for findings picked in bulk) the scope is one finding.
 */
public class ExceptionRequestForm extends Div {

    private final Select<Kind> kind = new Select<>();
    private final Select<Scope> scope = new Select<>();
    private final TextArea justification = new TextArea("Justification");
    private final DatePicker expiresOn = new DatePicker("Expires on");

    public ExceptionRequestForm(LocalDate today, boolean scopeChoice) {
        addClassName("exception-form");
        kind.setLabel("Kind");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(value -> label(value.name()));
        kind.setValue(Kind.RISK_ACCEPTANCE);
        scope.setLabel("Scope");
        scope.setItems(Scope.values());
        scope.setItemLabelGenerator(value -> switch (value) {
            case FINDING -> "this finding";
            case CONTROL_IN_NAMESPACE -> "this control in this namespace";
            case CONTROL_IN_CLUSTER -> "this control in the whole cluster";
        });
        scope.setValue(Scope.FINDING);
        justification.setWidthFull();
        justification.setMinLength(20);
        justification.setHelperText("Why the risk is acceptable or the finding is wrong; a security manager other than you approves it.");
        expiresOn.setMin(today.plusDays(1));
        expiresOn.setMax(today.plusDays(366));
        expiresOn.setValue(today.plusDays(90));
        scope.setVisible(scopeChoice);
        var submit = new Button("Request exception", click -> fireEvent(new Submitted(this)));
        var fields = new HorizontalLayout(kind, scope, expiresOn, submit);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        add(fields, justification);
    }

    public void showError(String message) {
        justification.setInvalid(true);
        justification.setErrorMessage(message);
    }

    public Registration addSubmitListener(ComponentEventListener<Submitted> listener) {
        return addListener(Submitted.class, listener);
    }

    private static String label(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static final class Submitted extends ComponentEvent<ExceptionRequestForm> {

        Submitted(ExceptionRequestForm source) {
            super(source, true);
        }

        public Kind kind() {
            return getSource().kind.getValue();
        }

        public Scope scope() {
            return getSource().scope.getValue();
        }

        public String justification() {
            return getSource().justification.getValue();
        }

        public LocalDate expiresOn() {
            return getSource().expiresOn.getValue();
        }
    }
}
