package io.posture.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import java.util.NoSuchElementException;

/** The short messages views show after an action: a green note when it worked, the refusal's reason when it did not. */
public final class Notices {

    private Notices() {
    }

    public static void success(String message) {
        Notification.show(message, 4000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void problem(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Runs the action; a refusal by the service (bad input, a state that forbids it, something gone)
     * is shown with its reason. Returns whether the action went through.
     */
    public static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            problem(e.getMessage());
            return false;
        }
    }
}
