package io.posture.ui.runs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import io.posture.collect.RunStatus;
import io.posture.collect.RunViews.RunSummary;
import io.posture.security.Roles;
import io.posture.ui.DemoEstateViewTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunsViewTest extends DemoEstateViewTest {

    @Test
    void listsTheDemoImportsAsCompleteRuns() {
        navigate(RunsView.class);

        @SuppressWarnings("unchecked")
        Grid<RunSummary> grid = $(Grid.class).single();
        var runs = test(grid);
        assertThat(runs.size()).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.getRow(i).status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(runs.getRow(i).message()).as("every demo kind, Services included, is inventoried; prod-eu1's"
                            + " cert-manager, storage and disruption-budget objects are named as not evaluated")
                    .matches("\\d+ objects from \\d+ files(; not evaluated: 1 Certificate, 1 ClusterIssuer, "
                            + "1 PodDisruptionBudget, 1 StorageClass)?");
        }
    }

    @Test
    void viewersDoNotSeeTheImportForm() {
        navigate(RunsView.class);

        assertThat($(Button.class).withText("Import").exists()).isFalse();
    }

    @Test
    @WithMockUser(username = "manager", roles = Roles.SECURITY_MANAGER)
    void importingWithoutFilesSaysWhatIsMissing() {
        navigate(RunsView.class);

        test($(Button.class).withText("Import").single()).click();

        assertThat($(Notification.class).single().getElement().getProperty("text", ""))
                .isEqualTo("Choose manifest files to import first.");
    }
}
