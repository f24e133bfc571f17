package io.posture.ui.finding;

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
import io.posture.findings.ExceptionViews.ExceptionRequest;
import io.posture.findings.ExceptionViews.Kind;
import io.posture.findings.ExceptionViews.Scope;

import java.time.LocalDate;
import java.util.Locale;

/** Kind, scope, justification and expiry of an exception request; fires {@link Submitted}, knows no services. */
class ExceptionRequestForm extends Div {

    private final Select<Kind> kind = new Select<>();
    private final Select<Scope> scope = new Select<>();
    private final TextArea justification = new TextArea("Justification");
    private final DatePicker expiresOn = new DatePicker("Expires on");

    ExceptionRequestForm(long findingId, LocalDate today) {
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
        var submit = new Button("Request exception", click -> fireEvent(new Submitted(this,
                new ExceptionRequest(findingId, kind.getValue(), scope.getValue(), justification.getValue(), expiresOn.getValue()))));
        var fields = new HorizontalLayout(kind, scope, expiresOn, submit);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        add(fields, justification);
    }

    void showError(String message) {
        justification.setInvalid(true);
        justification.setErrorMessage(message);
    }

    Registration addSubmitListener(ComponentEventListener<Submitted> listener) {
        return addListener(Submitted.class, listener);
    }

    private static String label(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static final class Submitted extends ComponentEvent<ExceptionRequestForm> {
        private final ExceptionRequest request;

        Submitted(ExceptionRequestForm source, ExceptionRequest request) {
            super(source, true);
            this.request = request;
        }

        ExceptionRequest request() {
            return request;
        }
    }
}
