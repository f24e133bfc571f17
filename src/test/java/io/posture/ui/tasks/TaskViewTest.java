package io.posture.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.findings.FindingViews.FindingSummary;
import io.posture.security.Roles;
import io.posture.ui.DemoEstateViewTest;
import io.posture.ui.Navigation;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

class TaskViewTest extends DemoEstateViewTest {

    @Test
    @WithMockUser(username = "erin", roles = Roles.ENGINEER)
    void anEngineerMakesATaskOfTwoPickedFindingsAndCommentsOnIt() {
        Navigation.go(Navigation.findings(new FindingFilter("prod-eu1", null, null, null, "privileged", null, FindingStatus.OPEN, null)));
        @SuppressWarnings("unchecked")
        Grid<FindingSummary> findings = $(Grid.class).first();
        var first = test(findings).getRow(0);
        var second = test(findings).getRow(1);
        test(findings).select(0);
        test(findings).select(1);

        test($(Button.class).withText("Create task").single()).click();

        assertThat(getCurrentView()).isInstanceOf(TaskView.class);
        @SuppressWarnings("unchecked")
        Grid<FindingSummary> taskFindings = $(Grid.class).first();
        assertThat(test(taskFindings).size()).isEqualTo(2);
        assertThat(java.util.List.of(test(taskFindings).getRow(0).id(), test(taskFindings).getRow(1).id()))
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat($(Paragraph.class).withText("No comments yet.").exists()).isTrue();

        test($(TextArea.class).single()).setValue("Both come from the same Helm chart; fixing it there.");
        test($(Button.class).withText("Comment").single()).click();

        assertThat($(Paragraph.class).withText("Both come from the same Helm chart; fixing it there.").exists()).isTrue();
        assertThat($(Button.class).withText("Assign").exists()).isFalse();
    }

    @Test
    void viewersReadTasksAndCommentsButCannotComment() {
        Navigation.go(Navigation.findings(FindingFilter.none()));

        assertThat($(Button.class).withText("Create task").exists()).isFalse();
        assertThat($(Grid.class).first().getSelectionModel()).isInstanceOf(com.vaadin.flow.component.grid.GridSingleSelectionModel.class);
    }
}
