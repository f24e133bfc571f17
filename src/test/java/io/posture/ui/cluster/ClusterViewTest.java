package io.posture.ui.cluster;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import io.posture.scoring.ScoreViews.NamespaceScore;
import io.posture.ui.DemoEstateViewTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterViewTest extends DemoEstateViewTest {

    @Test
    void listsNamespacesWorstFirstAndDrillsDownOnClick() {
        navigate("clusters/prod-eu1", ClusterView.class);

        assertThat($(H1.class).single().getText()).isEqualTo("Cluster prod-eu1");
        @SuppressWarnings("unchecked")
        Grid<NamespaceScore> grid = $(Grid.class).single();
        var namespaces = test(grid);
        assertThat(namespaces.size()).isGreaterThan(10);
        assertThat(namespaces.getRow(0).score()).isLessThanOrEqualTo(namespaces.getRow(1).score());
        var worst = namespaces.getRow(0).namespace();

        namespaces.clickRow(0);

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("NamespaceView");
        assertThat($(H1.class).single().getText()).isEqualTo("Namespace " + worst);
    }
}
