package io.posture.ui.benchmarks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.posture.evidence.Attestations;
import io.posture.evidence.Attestations.AttestationForm;
import io.posture.evidence.Attestations.AttestationInfo;
import io.posture.ui.Formats;
import io.posture.ui.Notices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A manual control's attestations, and for compliance officers the form to attest it (for the estate or the cluster shown). */
class AttestationPanel extends VerticalLayout {

    private byte[] attachment;
    private String attachmentName;

    AttestationPanel(Attestations attestations, String benchmarkId, String controlId, String cluster, boolean mayAttest, Clock clock) {
        setPadding(false);
        addClassName("attestations");
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var grid = new Grid<AttestationInfo>();
        grid.addColumn(attestation -> attestation.cluster() == null ? "estate" : attestation.cluster()).setHeader("For");
        grid.addColumn(AttestationInfo::statement).setHeader("Statement").setFlexGrow(4);
        grid.addColumn(AttestationInfo::attestedBy).setHeader("By");
        grid.addColumn(attestation -> Formats.time(attestation.attestedAt())).setHeader("On");
        grid.addColumn(attestation -> attestation.validUntil() + (attestation.validUntil().isBefore(today) ? " (expired)" : ""))
                .setHeader("Valid until");
        grid.addColumn(attestation -> attestation.attachmentName() == null ? "—" : attestation.attachmentName() + " (" + attestation.attachmentType() + ")")
                .setHeader("Attachment").setFlexGrow(2);
        grid.setItems(attestations.of(benchmarkId, controlId));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("Not attested: a compliance officer attests this control.");
        grid.addClassName("attestation-list");
        add(new H3("Attestations"), grid);
        if (!mayAttest) {
            return;
        }
        var statement = new TextArea("What was checked, how, and the result");
        statement.setWidthFull();
        statement.setMaxLength(4000);
        var validUntil = new DatePicker("Valid until");
        validUntil.setMin(today.plusDays(1));
        validUntil.setMax(today.plusYears(3));
        validUntil.setValue(today.plusYears(1));
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            attachment = bytes;
            attachmentName = metadata.fileName();
        }));
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", ".txt", "application/pdf", "image/png", "image/jpeg", "text/plain");
        upload.setDropLabel(new Span("Optional proof: PDF, PNG, JPEG or text, at most 5 MB"));
        var attest = new Button("Attest " + (cluster == null ? "for the estate" : "for " + cluster), click -> Notices.attempt(() -> {
            attestations.attest(new AttestationForm(benchmarkId, controlId, cluster, statement.getValue(), validUntil.getValue(),
                    attachmentName, attachment));
            Notices.success("Attestation recorded; it appears in evidence exports until " + validUntil.getValue());
            grid.setItems(attestations.of(benchmarkId, controlId));
            statement.clear();
            upload.clearFileList();
            attachment = null;
        }));
        attest.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row = new HorizontalLayout(validUntil, upload, attest);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        add(statement, row);
    }
}
