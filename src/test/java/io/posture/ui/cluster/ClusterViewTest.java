package io.posture.ui.cluster;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryWriter;
import io.posture.scoring.ScoreViews.NamespaceScore;
import io.posture.ui.DemoEstateViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterViewTest extends DemoEstateViewTest {

    @Autowired
    InventoryQueries inventory;
    @Autowired
    InventoryWriter writer;

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

    @Test
    void saysWhichKindsTheLatestCollectionCouldNotRead() {
        long clusterId = inventory.cluster("staging-eu1").orElseThrow().id();
        writer.recordUnreadKinds(clusterId, List.of("NetworkPolicy", "Deployment"));
        try {
            navigate("clusters/staging-eu1", ClusterView.class);

            assertThat($(Paragraph.class).withClassName("notice").single().getText())
                    .startsWith("Not readable in the latest collection: Deployment, NetworkPolicy.").contains("UNKNOWN");
        } finally {
            writer.recordUnreadKinds(clusterId, List.of());
        }
    }
}
