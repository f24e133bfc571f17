package io.posture.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.posture.collect.ManifestException;

/**
 * One JSON report chosen for upload and the button that sends it: nothing is sent before a file
 * is chosen, and a refused file says why and that nothing was changed.
 */
public final class JsonReportUpload {

    /** Stores the report and returns what to tell the user; throws {@link ManifestException} for a bad file. */
    @FunctionalInterface
    public interface Sender {
        String send(String fileName, byte[] content);
    }

    private final Upload upload;
    private final Button button;
    private byte[] content;
    private String fileName;

    public JsonReportUpload(String dropLabel, String buttonText, long maxBytes, Sender sender, Runnable afterSuccess) {
        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            content = bytes;
            fileName = metadata.fileName();
        }));
        upload.setAcceptedFileTypes(".json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setDropLabel(new Span(dropLabel));
        button = new Button(buttonText, click -> {
            if (content == null) {
                Notices.problem("Choose a report file first");
                return;
            }
            try {
                Notices.success(sender.send(fileName, content));
                afterSuccess.run();
                upload.clearFileList();
                content = null;
            } catch (ManifestException e) {
                Notices.problem(fileName + ": " + e.getMessage() + ". Nothing was changed.");
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }

    /** Widens the file types offered beyond .json (an EPSS file is CSV, gzipped as published). */
    public JsonReportUpload accepting(String... fileTypes) {
        upload.setAcceptedFileTypes(fileTypes);
        return this;
    }

    public Upload upload() {
        return upload;
    }

    public Button button() {
        return button;
    }
}
