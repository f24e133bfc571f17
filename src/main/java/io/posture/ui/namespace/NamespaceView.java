package io.posture.ui.namespace;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Route;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.inventory.InventoryQueries;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ScoreScope;
import io.posture.scoring.ScoreViews.WorkloadScore;
import io.posture.ui.BenchmarkSelect;
import io.posture.ui.EstateView;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import io.posture.ui.ScoreTrend;

@PermitAll
@Route(value = "clusters/:cluster/namespaces/:namespace", layout = MainLayout.class)
@PageTitle("Namespace · Posture")
class NamespaceView extends EstateView {


    NamespaceView(InventoryQueries inventory, ScoreQueries scores, BenchmarkCatalog catalog) {
        super(inventory, scores, catalog);
        setSizeFull();
    }

    @Override
    protected void show(RouteParameters parameters, String benchmarkId) {
        var clusterName = parameter(parameters, "cluster");
        var namespaceName = parameter(parameters, "namespace");
        var cluster = inventory.cluster(clusterName).orElseThrow(() -> new NotFoundException("No cluster " + clusterName));
        var namespace = inventory.namespace(cluster.id(), namespaceName)
                .orElseThrow(() -> new NotFoundException("No namespace " + namespaceName));
        var labels = namespace.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("none");
        add(new PageHeader("Namespace " + namespaceName, "Team " + (namespace.team() == null ? "unassigned" : namespace.team())
                + " · labels: " + labels)
                .crumb("Overview", Navigation.overview(benchmarkId))
                .crumb(clusterName, Navigation.cluster(clusterName, benchmarkId))
                .action(new BenchmarkSelect(catalog, benchmarkId, id -> Navigation.namespace(clusterName, namespaceName, id))));

        var grid = new Grid<WorkloadScore>();
        grid.addColumn(WorkloadScore::name).setHeader("Workload").setFlexGrow(3);
        grid.addColumn(WorkloadScore::kind).setHeader("Kind");
        grid.addComponentColumn(row -> Formats.scoreBadge(row.score())).setHeader("Score");
        grid.addColumn(WorkloadScore::failed).setHeader("Failing controls");
        grid.addComponentColumn(row -> Formats.severityBadge(row.worstFailure())).setHeader("Worst failure");
        grid.setItemsPageable(pageable -> scores.workloadScores(cluster.id(), namespaceName, benchmarkId, pageable).getContent());
        grid.addItemClickListener(click -> Navigation.go(Navigation.workload(clusterName, namespaceName,
                click.getItem().kind().name(), click.getItem().name(), benchmarkId)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No workloads in this namespace.");
        grid.addClassName("clickable");
        var tabs = new TabSheet();
        tabs.add("Workloads", grid);
        tabs.add("Trend", new ScoreTrend(days -> scores.trend(benchmarkId, ScoreScope.namespace(cluster.id(), namespaceName),
                null, days)));
        tabs.setSizeFull();
        add(tabs);
    }
}
