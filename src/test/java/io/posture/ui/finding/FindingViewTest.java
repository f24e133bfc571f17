package io.posture.ui.finding;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Pre;
import io.posture.findings.FindingService;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.findings.FindingViews.HistoryEntry;
import io.posture.security.Roles;
import io.posture.ui.DemoEstateViewTest;
import io.posture.ui.Navigation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

class FindingViewTest extends DemoEstateViewTest {

    @Autowired
    FindingService findings;

    @Test
    void viewersSeeEvidenceAndHistoryButNoActions() {
        var id = anOpenFinding("hostNamespaces");

        navigate(Navigation.finding(id), FindingView.class);

        assertThat($(H1.class).single().getText()).startsWith("Host namespaces on ");
        assertThat($(Pre.class).withClassName("evidence-block").single().getText()).contains("= true");
        assertThat($(Button.class).withText("Start work").exists()).isFalse();
    }

    @Test
    @WithMockUser(username = "erin", roles = Roles.ENGINEER)
    void anEngineerStartsWorkFromThePage() {
        var id = anOpenFinding("privileged");
        navigate(Navigation.finding(id), FindingView.class);

        test($(Button.class).withText("Start work").single()).click();

        assertThat(findings.detail(id).orElseThrow().summary().status()).isEqualTo(FindingStatus.IN_PROGRESS);
        @SuppressWarnings("unchecked")
        Grid<HistoryEntry> history = $(Grid.class).withClassName("history").single();
        assertThat(test(history).getRow(test(history).size() - 1).actor()).isEqualTo("erin");
        assertThat($(Button.class).withText("Back to open").exists()).isTrue();
    }

    private long anOpenFinding(String control) {
        return findings.search(new FindingFilter(null, null, null, null, control, null, FindingStatus.OPEN, null), PageRequest.of(0, 1))
                .getContent().getFirst().id();
    }
}
