package io.posture.ui.overview;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Route;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.inventory.InventoryQueries;
import io.posture.remediation.RemediationMetrics;
import io.posture.remediation.RemediationMetrics.TimeToRemediate;
import io.posture.remediation.TaskService;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ClusterScore;
import io.posture.scoring.ScoreViews;
import io.posture.scoring.ScoreViews.ControlRanking;
import io.posture.ui.BenchmarkSelect;
import io.posture.ui.EstateView;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;

import java.util.Locale;

@PermitAll
@Route(value = "", layout = MainLayout.class)
@PageTitle("Overview · Posture")
class OverviewView extends EstateView {


    private final TaskService tasks;
    private final RemediationMetrics metrics;

    OverviewView(InventoryQueries inventory, ScoreQueries scores, BenchmarkCatalog catalog, TaskService tasks,
                 RemediationMetrics metrics) {
        super(inventory, scores, catalog);
        this.tasks = tasks;
        this.metrics = metrics;
    }

    @Override
    protected void show(RouteParameters parameters, String benchmarkId) {
        var benchmark = catalog.get(benchmarkId);
        add(new PageHeader("Estate overview", benchmark.description())
                .action(new BenchmarkSelect(catalog, benchmarkId, Navigation::overview)));

        var counts = inventory.counts();
        var figures = new Div(
                figure("Clusters", counts.clusters()),
                figure("Namespaces", counts.namespaces()),
                figure("Workloads", counts.workloads()),
                figure("Failing controls", scores.failingControls(benchmarkId)),
                figure("Overdue tasks", tasks.overdueCount()),
                figure("SLA breaches", metrics.slaBreaches()));
        figures.addClassName("figures");
        add(figures);

        add(new H2("Score per cluster"));
        var clusterScores = scores.clusterScores(benchmarkId);
        if (clusterScores.isEmpty()) {
            add(new Paragraph("No cluster has been evaluated yet. Import manifests or load the demo estate (see docs/user-guide.md)."));
        }
        var cards = new Div();
        cards.addClassName("cluster-cards");
        clusterScores.forEach(score -> cards.add(clusterCard(score, benchmarkId)));
        add(cards);

        add(new H2("Ten worst controls"));
        var explanation = new Paragraph("Ranked by the score points they cost across the estate: severity weight × failing resources.");
        explanation.addClassName("hint");
        add(explanation, worstControls(benchmarkId));

        var timeToRemediate = metrics.meanTimeToRemediate();
        if (!timeToRemediate.isEmpty()) {
            add(new H2("Mean time to remediate"));
            var grid = new Grid<TimeToRemediate>();
            grid.addComponentColumn(row -> Formats.severityBadge(row.severity())).setHeader("Severity");
            grid.addColumn(TimeToRemediate::team).setHeader("Team");
            grid.addColumn(TimeToRemediate::resolved).setHeader("Findings resolved");
            grid.addColumn(row -> String.format(Locale.ROOT, "%.1f days", row.meanDays())).setHeader("Mean time");
            grid.setItems(timeToRemediate);
            grid.setAllRowsVisible(true);
            grid.addClassName("time-to-remediate");
            add(grid);
        }
    }

    private static Div figure(String label, long value) {
        var number = new Span(String.format(Locale.ROOT, "%,d", value));
        number.addClassName("figure-value");
        var caption = new Span(label);
        caption.addClassName("figure-label");
        var figure = new Div(number, caption);
        figure.addClassName("figure");
        return figure;
    }

    private static Anchor clusterCard(ClusterScore score, String benchmarkId) {
        var name = new Span(score.clusterName());
        name.addClassName("card-title");
        var environment = new Span(score.environment() == null ? "" : score.environment());
        environment.addClassNames("pill", "env-" + (score.environment() == null ? "none" : score.environment()));
        var top = new Div(name, environment);
        top.addClassName("card-top");

        var big = Formats.scoreBadge(score.score());
        big.addClassName("score-large");
        var details = new Div(
                new Span("coverage " + Formats.percent(score.coverage())),
                new Span(score.failed() + " failing · " + score.passed() + " passing checks"),
                new Span(trend(score)));
        details.addClassName("card-details");
        var card = new Anchor(Navigation.cluster(score.clusterName(), benchmarkId), top, big, details);
        card.addClassName("cluster-card");
        return card;
    }

    private static String trend(ClusterScore score) {
        if (score.previousScore() == null || score.score() == null) {
            return "trend: first evaluation " + Formats.time(score.evaluatedAt());
        }
        double delta = score.score() - score.previousScore();
        return String.format(Locale.ROOT, "trend: %+.1f since the previous evaluation", delta);
    }

    private Grid<ControlRanking> worstControls(String benchmarkId) {
        var grid = new Grid<ControlRanking>();
        grid.addColumn(ControlRanking::title).setHeader("Control").setFlexGrow(3);
        grid.addColumn(ControlRanking::controlId).setHeader("Id").setFlexGrow(2);
        grid.addComponentColumn(ranking -> Formats.severityBadge(ranking.severity())).setHeader("Severity").setFlexGrow(1);
        grid.addColumn(ControlRanking::failingResources).setHeader("Failing resources").setFlexGrow(1);
        grid.addColumn(ranking -> String.format(Locale.ROOT, "%.1f", ranking.pointsLost())).setHeader("Points lost").setFlexGrow(1);
        grid.setItems(scores.explain(benchmarkId, ScoreViews.ScoreScope.estate(), null, 10));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No failing controls.");
        grid.addClassName("worst-controls");
        return grid;
    }
}
