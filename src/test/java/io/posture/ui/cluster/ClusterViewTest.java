package io.posture.ui.cluster;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryViews.UnevaluatedObject;
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

    @Test
    void namesTheObjectsNoControlLooksAtAndListsThemOnTheirOwnTab() {
        navigate("clusters/prod-eu1", ClusterView.class);

        assertThat($(Paragraph.class).withClassName("unevaluated-notice").single().getText())
                .startsWith("Not evaluated: 1 Certificate, 1 ClusterIssuer, 1 PodDisruptionBudget, 1 StorageClass.");
        var tabs = $(TabSheet.class).single();
        var tab = $(Tab.class).withText("Not evaluated (4)").single();
        tabs.setSelectedTab(tab);

        @SuppressWarnings("unchecked")
        Grid<UnevaluatedObject> grid = $(Grid.class).withClassName("unevaluated-objects").single();
        assertThat(test(grid).size()).isEqualTo(4);
        assertThat(test(grid).getRow(0).kind()).isEqualTo("Certificate");
        assertThat(test(grid).getCellText(1, 2)).isEqualTo("(cluster-wide)");
    }
}
