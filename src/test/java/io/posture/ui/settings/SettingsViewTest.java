package io.posture.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import io.posture.benchmark.Severity;
import io.posture.remediation.SlaPolicy;
import io.posture.security.Roles;
import io.posture.ui.DemoEstateViewTest;
import io.posture.ui.Navigation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewTest extends DemoEstateViewTest {

    @Autowired
    SlaPolicy sla;

    @Test
    @WithMockUser(username = "mike", roles = Roles.SECURITY_MANAGER)
    void aManagerChangesTheSlaOfLowFindings() {
        navigate(Navigation.settings(), SettingsView.class);
        try {
            test($(IntegerField.class).withCaption("Low").single()).setValue(120);
            test($(Button.class).withText("Save SLAs").single()).click();

            assertThat(sla.days(Severity.LOW)).isEqualTo(120);
            assertThat(sla.days(Severity.CRITICAL)).isEqualTo(7);
        } finally {
            sla.update(Map.of(Severity.LOW, 180), "test done");
        }
    }

    @Test
    void viewersSeeTheSlasReadOnly() {
        navigate(Navigation.settings(), SettingsView.class);

        assertThat($(IntegerField.class).withCaption("Critical").single().isReadOnly()).isTrue();
        assertThat($(IntegerField.class).withCaption("Critical").single().getValue()).isEqualTo(7);
        assertThat($(Button.class).withText("Save SLAs").exists()).isFalse();
    }
}
