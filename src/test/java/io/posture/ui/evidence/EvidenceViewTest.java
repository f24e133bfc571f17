package io.posture.ui.evidence;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import io.posture.evidence.EvidenceExports;
import io.posture.security.Roles;
import io.posture.ui.DemoEstateViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceViewTest extends DemoEstateViewTest {

    @Autowired
    EvidenceExports exports;

    @Test
    @WithMockUser(username = "auditor", roles = Roles.COMPLIANCE_OFFICER)
    void aComplianceOfficerGetsTheFourDownloadsAndTheKeyToVerifyWith() {
        navigate("evidence", EvidenceView.class);

        assertThat($(Anchor.class).withClassName("download").all()).extracting(Anchor::getText)
                .containsExactly("Evidence package (zip, signed)", "Report (PDF)", "Results (CSV)", "Findings (CSV)", "Results and findings (JSON)",
                        "OSCAL assessment results");
        @SuppressWarnings("unchecked")
        var runs = (com.vaadin.flow.component.select.Select<io.posture.collect.RunViews.RunSummary>) $(com.vaadin.flow.component.select.Select.class)
                .withCaption("Or as of a collection run").single();
        var firstRun = runs.getListDataView().getItems().findFirst().orElseThrow();
        test(runs).selectItem(runs.getItemLabelGenerator().apply(firstRun));
        var time = $(com.vaadin.flow.component.textfield.TextField.class).withCaption("Time (UTC)").single().getValue();
        assertThat(java.time.LocalTime.parse(time)).isAfterOrEqualTo(firstRun.finishedAt().atOffset(java.time.ZoneOffset.UTC).toLocalTime().withNano(0));
        assertThat($(Pre.class).withClassName("verify-command").single().getText()).endsWith("--key-fingerprint " + exports.signingKeyFingerprint());
    }

    @Test
    @WithMockUser(username = "mike", roles = Roles.SECURITY_MANAGER)
    void otherRolesCannotOpenIt() {
        io.posture.ui.Navigation.go("evidence");

        assertThat(getCurrentView()).isNotInstanceOf(EvidenceView.class);
    }
}
