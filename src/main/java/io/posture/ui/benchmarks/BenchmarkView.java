package io.posture.ui.benchmarks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Section;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryViews.ClusterInfo;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ControlRanking;
import io.posture.scoring.ScoreViews.ControlSummary;
import io.posture.scoring.ScoreViews.HeatRow;
import io.posture.scoring.ScoreViews.ScoreScope;
import io.posture.scoring.ScoreViews.SectionSummary;
import io.posture.scoring.BenchmarkSelection;
import io.posture.ui.Formats;
import io.posture.ui.Notices;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import io.posture.ui.ScoreTrend;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark for the estate or a cluster: score and coverage, sections and their controls,
 * the controls that cost the most, the control × cluster heat map, and the score's trend.
 */
@PermitAll
@Route(value = "benchmarks/:benchmark", layout = MainLayout.class)
@PageTitle("Benchmark · Posture")
class BenchmarkView extends VerticalLayout implements BeforeEnterObserver {

    private final BenchmarkCatalog catalog;
    private final ScoreQueries scores;
    private final InventoryQueries inventory;
    private final BenchmarkSelection selection;
    private final AuthenticationContext authentication;

    BenchmarkView(BenchmarkCatalog catalog, ScoreQueries scores, InventoryQueries inventory, BenchmarkSelection selection,
                  AuthenticationContext authentication) {
        this.catalog = catalog;
        this.scores = scores;
        this.inventory = inventory;
        this.selection = selection;
        this.authentication = authentication;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var benchmarkId = event.getRouteParameters().get("benchmark").orElseThrow();
        var benchmark = catalog.find(benchmarkId).orElseThrow(() -> new NotFoundException("No benchmark " + benchmarkId));
        var clusterName = event.getLocation().getQueryParameters().getSingleParameter("cluster").orElse(null);
        var cluster = clusterName == null ? null : inventory.cluster(clusterName)
                .orElseThrow(() -> new NotFoundException("No cluster " + clusterName));
        var scope = cluster == null ? ScoreScope.estate() : ScoreScope.cluster(cluster.id());
        var figure = scores.figure(benchmarkId, scope, null);

        add(new PageHeader(benchmark.title() + (benchmark.edition() == null ? "" : " " + benchmark.edition()),
                (cluster == null ? "Estate" : "Cluster " + cluster.name()) + " · score " + Formats.score(figure.score())
                        + " · coverage " + Formats.percent(figure.coverage()) + " · " + Formats.count(figure.failed())
                        + " failing, " + Formats.count(figure.passed()) + " passing, " + Formats.count(figure.unknown())
                        + " not evaluated")
                .crumb("Benchmarks", Navigation.benchmarks())
                .action(scopeSelect(benchmarkId, cluster)));
        if (cluster != null) {
            add(enablement(benchmarkId, cluster));
        }

        var tabs = new TabSheet();
        tabs.add("Sections", sections(benchmark, scope, clusterName));
        tabs.add("Costliest controls", explanation(scope, benchmarkId, clusterName));
        tabs.add("Heat map", heatMap(benchmarkId));
        tabs.add("Trend", trend(benchmark, scope));
        tabs.setSizeFull();
        add(tabs);
    }

    /** Whether the benchmark is evaluated on the cluster; changeable by who configures benchmarks. */
    private Checkbox enablement(String benchmarkId, ClusterInfo cluster) {
        var enabled = selection.forCluster(cluster.id()).stream().filter(selected -> selected.benchmark().id().equals(benchmarkId))
                .findFirst().map(BenchmarkSelection.Selected::enabled).orElse(false);
        var checkbox = new Checkbox("Evaluated on " + cluster.name(), enabled);
        checkbox.setReadOnly(!BenchmarksView.mayConfigureBenchmarks(authentication));
        checkbox.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                selection.setEnabled(cluster.id(), cluster.name(), benchmarkId, change.getValue());
                Notices.success(change.getValue() ? "Evaluated on " + cluster.name() + " from now on"
                        : "No longer evaluated on " + cluster.name() + "; its results there are removed");
                Navigation.go(Navigation.benchmark(benchmarkId, cluster.name()));
            }
        });
        checkbox.addClassName("benchmark-enablement");
        return checkbox;
    }

    private Select<String> scopeSelect(String benchmarkId, ClusterInfo cluster) {
        var select = new Select<String>();
        select.setLabel("Scope");
        var names = new ArrayList<String>();
        names.add("Estate");
        inventory.clusters().forEach(info -> names.add(info.name()));
        select.setItems(names);
        select.setValue(cluster == null ? "Estate" : cluster.name());
        select.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                Navigation.go(Navigation.benchmark(benchmarkId, "Estate".equals(change.getValue()) ? null : change.getValue()));
            }
        });
        return select;
    }

    private Component sections(Benchmark benchmark, ScoreScope scope, String clusterName) {
        var summaries = scores.sections(benchmark.id(), scope);
        var sectionGrid = new Grid<SectionSummary>();
        sectionGrid.addColumn(SectionSummary::sectionId).setHeader("Section").setFlexGrow(0).setWidth("7rem");
        sectionGrid.addColumn(SectionSummary::title).setHeader("Title").setFlexGrow(3);
        sectionGrid.addComponentColumn(summary -> Formats.scoreBadge(summary.figure().score())).setHeader("Score");
        sectionGrid.addColumn(summary -> Formats.percent(summary.figure().coverage())).setHeader("Coverage");
        sectionGrid.addColumn(summary -> summary.figure().failed()).setHeader("Failing");
        sectionGrid.setItems(summaries);
        sectionGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        sectionGrid.addClassNames("clickable", "benchmark-sections");
        sectionGrid.setAllRowsVisible(true);

        var controlGrid = new Grid<ControlSummary>();
        controlGrid.addColumn(ControlSummary::controlId).setHeader("Control").setFlexGrow(0).setWidth("7rem");
        controlGrid.addColumn(ControlSummary::title).setHeader("Title").setFlexGrow(4);
        controlGrid.addComponentColumn(control -> Formats.severityBadge(control.severity())).setHeader("Severity");
        controlGrid.addColumn(ControlSummary::source).setHeader("Decided by").setFlexGrow(2);
        controlGrid.addColumn(control -> control.count(ControlStatus.FAIL)).setHeader("Fail");
        controlGrid.addColumn(control -> control.count(ControlStatus.PASS)).setHeader("Pass");
        controlGrid.addColumn(control -> control.count(ControlStatus.UNKNOWN) + control.count(ControlStatus.MANUAL)
                + control.count(ControlStatus.PROVIDER_MANAGED) + control.count(ControlStatus.EXCEPTED)).setHeader("Other");
        controlGrid.addItemClickListener(click -> Navigation.go(Navigation.control(benchmark.id(), click.getItem().controlId(), clusterName)));
        controlGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        controlGrid.addClassNames("clickable", "benchmark-controls");
        controlGrid.setEmptyStateText("Pick a section above.");
        controlGrid.setAllRowsVisible(true);
        sectionGrid.addSelectionListener(selection -> controlGrid.setItems(
                selection.getFirstSelectedItem().map(SectionSummary::controls).orElse(List.of())));
        if (!summaries.isEmpty()) {
            sectionGrid.select(summaries.stream().filter(summary -> summary.figure().failed() > 0).findFirst()
                    .orElse(summaries.getFirst()));
        }
        var layout = new VerticalLayout(sectionGrid, controlGrid);
        layout.setPadding(false);
        return layout;
    }

    private Component explanation(ScoreScope scope, String benchmarkId, String clusterName) {
        var grid = new Grid<ControlRanking>();
        grid.addColumn(ControlRanking::controlId).setHeader("Control").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(ControlRanking::title).setHeader("Title").setFlexGrow(3);
        grid.addComponentColumn(ranking -> Formats.severityBadge(ranking.severity())).setHeader("Severity");
        grid.addColumn(ranking -> String.format(Locale.ROOT, "%.1f", ranking.pointsLost())).setHeader("Points lost");
        grid.addColumn(ControlRanking::failingResources).setHeader("Failing resources");
        grid.addColumn(ranking -> String.join(", ", ranking.examples().stream()
                .map(example -> example.kind() + " " + (example.namespace() == null ? "" : example.namespace() + "/") + example.name())
                .toList())).setHeader("For example").setFlexGrow(4);
        grid.setItems(scores.explain(benchmarkId, scope, null, 15));
        grid.addItemClickListener(click -> Navigation.go(Navigation.control(benchmarkId, click.getItem().controlId(), clusterName)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassNames("clickable", "costliest-controls");
        grid.setEmptyStateText("Nothing fails: no points are lost.");
        var note = new Span("Points lost add up to 100 minus the score: fixing the first control gains the most.");
        note.addClassName("hint");
        return new Div(note, grid);
    }

    private Component heatMap(String benchmarkId) {
        var clusters = inventory.clusters();
        var grid = new Grid<HeatRow>();
        grid.addColumn(HeatRow::controlId).setHeader("Control").setFlexGrow(0).setWidth("7rem").setFrozen(true);
        grid.addColumn(HeatRow::title).setHeader("Title").setFlexGrow(3);
        for (var cluster : clusters) {
            grid.addComponentColumn(row -> heatCell(row.failingShare().get(cluster.id()))).setHeader(cluster.name());
        }
        grid.setItems(scores.heatMap(benchmarkId));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.addClassName("heat-map");
        grid.setEmptyStateText("No cluster has results for this benchmark yet.");
        grid.setSizeFull();
        return grid;
    }

    private static Span heatCell(Double failingShare) {
        var cell = new Span(failingShare == null ? "—" : Math.round(failingShare * 100) + "%");
        var level = failingShare == null ? "none" : failingShare == 0 ? "0" : failingShare < 0.25 ? "1" : failingShare < 0.5 ? "2" : "3";
        cell.addClassNames("heat", "heat-" + level);
        cell.getElement().setAttribute("title", failingShare == null ? "not evaluated on this cluster"
                : Math.round(failingShare * 100) + "% of evaluated resources fail");
        return cell;
    }

    /** The scope's trend for the whole benchmark or one section; on the estate, optionally one team's. */
    private Component trend(Benchmark benchmark, ScoreScope scope) {
        var section = new Select<String>();
        section.setLabel("Section");
        var sectionIds = new ArrayList<String>();
        sectionIds.add("");
        benchmark.sections().forEach(each -> sectionIds.add(each.id()));
        section.setItems(sectionIds);
        section.setItemLabelGenerator(id -> id.isEmpty() ? "Whole benchmark"
                : id + " " + benchmark.section(id).map(Section::title).orElse(""));
        section.setValue("");
        var team = new Select<String>();
        team.setLabel("Team");
        var teams = new ArrayList<String>();
        teams.add("");
        if (scope.clusterId() == null) {
            teams.addAll(scores.teams(benchmark.id()));
        }
        team.setItems(teams);
        team.setItemLabelGenerator(name -> name.isEmpty() ? "All teams" : name);
        team.setValue("");
        team.setVisible(teams.size() > 1);
        var trend = new ScoreTrend(days -> scores.trend(benchmark.id(),
                team.getValue().isEmpty() ? scope : ScoreScope.team(team.getValue()), section.getValue(), days), section, team);
        section.addValueChangeListener(change -> trend.refresh());
        team.addValueChangeListener(change -> trend.refresh());
        return trend;
    }
}
