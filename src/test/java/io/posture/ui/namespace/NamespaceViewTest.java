package io.posture.ui.namespace;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import io.posture.scoring.ScoreViews.WorkloadScore;
import io.posture.ui.DemoEstateViewTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamespaceViewTest extends DemoEstateViewTest {

    @Test
    void listsWorkloadsMostFailingFirstWithBreadcrumbsAndDrillsDown() {
        navigate("clusters/dev-eu1/namespaces/monitoring", NamespaceView.class);

        assertThat($(Anchor.class).all()).extracting(Anchor::getText).contains("Overview", "dev-eu1");
        @SuppressWarnings("unchecked")
        Grid<WorkloadScore> grid = $(Grid.class).single();
        var workloads = test(grid);
        assertThat(workloads.size()).isGreaterThan(3);
        assertThat(workloads.getRow(0).failed()).isPositive();
        var first = workloads.getRow(0);

        workloads.clickRow(0);

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("WorkloadView");
        assertThat($(H1.class).single().getText()).isEqualTo(first.kind() + " " + first.name());
    }
}
