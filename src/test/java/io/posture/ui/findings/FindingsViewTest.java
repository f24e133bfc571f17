package io.posture.ui.findings;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.posture.benchmark.Severity;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.findings.FindingViews.FindingSummary;
import io.posture.ui.DemoEstateViewTest;
import io.posture.ui.Navigation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsViewTest extends DemoEstateViewTest {

    @Test
    void showsOpenFindingsMostSevereFirst() {
        navigate(FindingsView.class);

        @SuppressWarnings("unchecked")
        Grid<FindingSummary> grid = $(Grid.class).single();
        var rows = test(grid);
        assertThat(rows.size()).isGreaterThan(10);
        assertThat(rows.getRow(0).severity()).isEqualTo(Severity.CRITICAL);
        for (int i = 0; i < 10; i++) {
            assertThat(rows.getRow(i).status()).isEqualTo(FindingStatus.OPEN);
        }
    }

    @Test
    void theFilterComesFromTheUrlAndTypingChangesTheUrl() {
        navigate(FindingsView.class);
        Navigation.go(Navigation.findings(new FindingFilter("prod-eu1", "monitoring", null, null, null, null, FindingStatus.OPEN, null)));

        @SuppressWarnings("unchecked")
        Grid<FindingSummary> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isPositive();
        for (int i = 0; i < test(grid).size(); i++) {
            assertThat(test(grid).getRow(i).cluster()).isEqualTo("prod-eu1");
            assertThat(test(grid).getRow(i).namespace()).isEqualTo("monitoring");
        }

        test($(TextField.class).withLabel("Control id").single()).setValue("hostPathVolumes");

        assertThat(getCurrentView().getElement().getNode().isAttached()).isTrue();
        var location = com.vaadin.flow.component.UI.getCurrent().getActiveViewLocation().getPathWithQueryParameters();
        assertThat(location).contains("cluster=prod-eu1").contains("namespace=monitoring").contains("control=hostPathVolumes");
        @SuppressWarnings("unchecked")
        Grid<FindingSummary> filtered = $(Grid.class).single();
        for (int i = 0; i < test(filtered).size(); i++) {
            assertThat(test(filtered).getRow(i).controlId()).isEqualTo("hostPathVolumes");
        }
    }

    @Test
    void theBenchmarkFilterFindsTheFindingsOfThatBenchmarksControls() {
        navigate(FindingsView.class);
        @SuppressWarnings("unchecked")
        Select<String> benchmark = $(Select.class).withCaption("Benchmark").single();

        test(benchmark).selectItem("CIS Kubernetes Benchmark");

        var location = com.vaadin.flow.component.UI.getCurrent().getActiveViewLocation().getPathWithQueryParameters();
        assertThat(location).contains("benchmark=cis-kubernetes");
        @SuppressWarnings("unchecked")
        Grid<FindingSummary> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isPositive();
        var benchmarks = new java.util.HashSet<String>();
        for (int i = 0; i < test(grid).size(); i++) {
            benchmarks.add(test(grid).getRow(i).benchmarkId());
        }
        assertThat(benchmarks).as("privileged containers are PSS findings that CIS 5.2.x names too")
                .contains("cis-kubernetes", "pss-baseline").doesNotContain("cis-docker", "image-trust");
    }
}
