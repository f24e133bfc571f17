package io.posture.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.remediation.TaskViews.TaskSummary;
import io.posture.security.Roles;
import io.posture.ui.DemoEstateViewTest;
import io.posture.ui.Navigation;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

class TasksViewTest extends DemoEstateViewTest {

    @Test
    @WithMockUser(username = "mike", roles = Roles.SECURITY_MANAGER)
    void aManagerCreatesATaskFromFilteredFindingsAndFindsItOnTheBoard() {
        navigate(Navigation.tasks(), TasksView.class);
        Navigation.go(Navigation.findings(new FindingFilter("prod-eu1", "monitoring", null, null, "hostPathVolumes", null,
                FindingStatus.OPEN, null)));

        test($(Button.class).withText("Create task from these findings").single()).click();

        assertThat(getCurrentView().getClass().getSimpleName()).startsWith("TasksView");
        @SuppressWarnings("unchecked")
        Grid<TaskSummary> open = $(Grid.class).withClassName("tasks-open").single();
        assertThat(test(open).size()).isPositive();
        var task = test(open).getRow(0);
        assertThat(task.title()).isEqualTo("HostPath volumes in prod-eu1/monitoring");
        assertThat(task.team()).isEqualTo("platform");
        assertThat(task.description()).contains("hostPath.path");
    }

    @Test
    void viewersSeeTheBoardButCannotCreateTasks() {
        navigate(Navigation.tasks(), TasksView.class);
        assertThat($(Grid.class).withClassName("tasks-done").exists()).isTrue();

        Navigation.go(Navigation.findings(FindingFilter.none()));

        assertThat($(Button.class).withText("Create task from these findings").exists()).isFalse();
    }
}
