package io.posture.ui.benchmarks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import io.posture.evidence.Attestations.AttestationInfo;
import io.posture.security.Roles;
import io.posture.ui.DemoEstateViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

class ControlAttestationViewTest extends DemoEstateViewTest {

    @Test
    @WithMockUser(username = "auditor", roles = Roles.COMPLIANCE_OFFICER)
    @SuppressWarnings("unchecked")
    void aComplianceOfficerAttestsAManualControlOnItsPage() {
        navigate("benchmarks/cis-kubernetes/controls/5.5.1", ControlView.class);

        test($(TextArea.class).single()).setValue("Image provenance is enforced by the admission policy of the platform team.");
        test($(Button.class).withText("Attest for the estate").single()).click();

        assertThat(test($(Notification.class).last()).getText()).contains("Attestation recorded");
        Grid<AttestationInfo> attestations = $(Grid.class).withClassName("attestation-list").single();
        assertThat(test(attestations).getRow(0).attestedBy()).isEqualTo("auditor");
    }

    @Test
    void othersSeeTheAttestationsButNoForm() {
        navigate("benchmarks/cis-kubernetes/controls/5.5.1", ControlView.class);

        assertThat($(Button.class).withText("Attest for the estate").exists()).isFalse();
        assertThat($(Grid.class).withClassName("attestation-list").exists()).isTrue();
    }
}
