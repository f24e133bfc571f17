package io.posture.ui.runs;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Cluster, environment and manifest files to import; fires {@link ImportRequested} and knows no services. */
class ImportForm extends Div {

    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private final TextField cluster = new TextField("Cluster");
    private final ComboBox<String> environment = new ComboBox<>("Environment");
    private final Map<String, Path> uploads = new ConcurrentHashMap<>();
    private final Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) ->
            uploads.put(metadata.fileName(), file.toPath())));
    private final Button importButton = new Button("Import");

    ImportForm(List<String> knownEnvironments) {
        addClassName("import-form");
        cluster.setPlaceholder("e.g. prod-eu1");
        cluster.setHelperText("An existing cluster is updated; a new name adds a cluster");
        cluster.setWidth("16rem");
        environment.setItems(knownEnvironments);
        environment.setAllowCustomValue(true);
        environment.addCustomValueSetListener(event -> environment.setValue(event.getDetail()));
        environment.setValue("prod");
        upload.setAcceptedFileTypes(".yaml", ".yml", ".json");
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setMaxFiles(200);
        upload.setDropLabel(new Span("Manifests: YAML or JSON as kubectl or helm template writes them"));
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClickListener(click -> fireEvent(new ImportRequested(this, cluster.getValue().trim(),
                environment.getValue(), Map.copyOf(uploads))));
        var fields = new HorizontalLayout(cluster, environment, importButton);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(fields, upload);
    }

    void showClusterError(String message) {
        cluster.setInvalid(true);
        cluster.setErrorMessage(message);
    }

    void reset() {
        cluster.setInvalid(false);
        uploads.clear();
        upload.clearFileList();
    }

    Registration addImportListener(ComponentEventListener<ImportRequested> listener) {
        return addListener(ImportRequested.class, listener);
    }

    static final class ImportRequested extends ComponentEvent<ImportForm> {

        private final String cluster;
        private final String environment;
        private final Map<String, Path> files;

        ImportRequested(ImportForm source, String cluster, String environment, Map<String, Path> files) {
            super(source, true);
            this.cluster = cluster;
            this.environment = environment;
            this.files = files;
        }

        String cluster() {
            return cluster;
        }

        String environment() {
            return environment;
        }

        Map<String, Path> files() {
            return files;
        }
    }
}
