package io.posture.ui.connections;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.posture.collect.ConnectionViews.ConnectionSummary;
import io.posture.security.Roles;
import io.posture.ui.DemoEstateViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionsViewTest extends DemoEstateViewTest {

    @Test
    @WithMockUser(username = "admin", roles = Roles.ADMIN)
    void withoutAnEncryptionKeyAnAdministratorIsToldHowToSetOne() {
        navigate("connections", ConnectionsView.class);
        // said before anyone fills in the form
        assertThat($(Paragraph.class).withClassName("setup-missing").single().getText())
                .contains("POSTURE_CREDENTIALS_KEY").contains("openssl rand -base64 32").contains("Test connection works without it");
        test($(TextField.class).withCaption("Cluster name").single()).setValue("edge-eu1");
        test($(TextField.class).withCaption("API server URL").single()).setValue("https://k8s.example.com:6443");
        test($(PasswordField.class).withCaption("Bearer token").single()).setValue("a-token");

        test($(Button.class).withText("Save cluster").single()).click();

        assertThat(test($(Notification.class).last()).getText()).contains("POSTURE_CREDENTIALS_KEY");
        @SuppressWarnings("unchecked")
        Grid<ConnectionSummary> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isZero();
    }

    @Test
    void viewersSeeTheClustersButNoFormAndNoCollectButton() {
        navigate("connections", ConnectionsView.class);

        assertThat($(Button.class).withText("Save cluster").exists()).isFalse();
        assertThat($(Grid.class).single().getEmptyStateText()).contains("An administrator adds them");
    }
}
