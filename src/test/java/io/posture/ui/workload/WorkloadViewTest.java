package io.posture.ui.workload;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import io.posture.benchmark.ControlStatus;
import io.posture.scoring.ScoreViews.ControlResultView;
import io.posture.ui.DemoEstateViewTest;
import io.posture.ui.Navigation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadViewTest extends DemoEstateViewTest {

    @Test
    void showsFailingControlsFirstWithEvidenceRationaleAndRemediation() {
        navigate(Navigation.workload("dev-eu1", "monitoring", "DaemonSet", "node-exporter", null), WorkloadView.class);
        Navigation.go(Navigation.workload("dev-eu1", "monitoring", "DaemonSet", "node-exporter", "pss-baseline"));

        @SuppressWarnings("unchecked")
        Grid<ControlResultView> results = $(Grid.class).withClassName("results").single();
        var first = test(results).getRow(0);
        assertThat(first.status()).isEqualTo(ControlStatus.FAIL);
        assertThat(first.controlId()).isEqualTo("hostNamespaces");
        assertThat(first.evidence()).extracting(e -> e.toString())
                .contains("spec.template.spec.hostNetwork = true", "spec.template.spec.hostPID = true");
        assertThat(first.remediation()).contains("hostNetwork");
        assertThat(test(results).size()).isEqualTo(12);
        assertThat($(Pre.class).withClassName("evidence-block").first().getText()).contains("spec.template.spec.hostNetwork = true");

        Grid<?> containers = $(Grid.class).withClassName("containers").single();
        var image = (Anchor) test(containers).getCellComponent(0, 2);
        assertThat(image.getText()).isEqualTo("quay.io/prometheus/node-exporter:v1.8.2");
        assertThat(image.getHref()).matches("images/\\d+");
    }
}
