package io.posture.ui.benchmarks;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.BenchmarkDefinitionException;
import io.posture.benchmark.CustomBenchmarks;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ScoreFigure;
import io.posture.scoring.ScoreViews.ScoreScope;
import io.posture.security.Role;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.Notices;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The catalogue: every benchmark with its estate score and coverage; custom benchmarks are uploaded here. */
@PermitAll
@Route(value = "benchmarks", layout = MainLayout.class)
@PageTitle("Benchmarks · Posture")
class BenchmarksView extends VerticalLayout {

    private final BenchmarkCatalog catalog;
    private final ScoreQueries scores;
    private final Grid<Benchmark> grid = new Grid<>();
    private final Div problems = new Div();
    private final Map<String, ScoreFigure> estateFigures = new HashMap<>();

    BenchmarksView(BenchmarkCatalog catalog, ScoreQueries scores, CustomBenchmarks customBenchmarks,
                   AuthenticationContext authentication) {
        this.catalog = catalog;
        this.scores = scores;
        add(new PageHeader("Benchmarks", "Score and coverage across the estate; open one for its sections, controls, "
                + "heat map and trend"));
        grid.addColumn(Benchmark::title).setHeader("Benchmark").setFlexGrow(3);
        grid.addColumn(benchmark -> benchmark.edition() == null ? "" : benchmark.edition()).setHeader("Edition");
        grid.addColumn(BenchmarksView::decidedBy).setHeader("Decided by").setFlexGrow(3);
        grid.addComponentColumn(benchmark -> Formats.scoreBadge(estateFigures.get(benchmark.id()).score()))
                .setHeader("Estate score");
        grid.addColumn(benchmark -> Formats.percent(estateFigures.get(benchmark.id()).coverage())).setHeader("Coverage");
        grid.addColumn(benchmark -> benchmark.custom() ? "custom" : "built in").setHeader("Origin");
        grid.addItemClickListener(click -> Navigation.go(Navigation.benchmark(click.getItem().id(), null)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassNames("clickable", "benchmark-catalogue");
        grid.setAllRowsVisible(true);
        showCatalogue();
        add(grid);

        if (mayConfigureBenchmarks(authentication)) {
            var upload = new Upload(UploadHandler.inMemory((metadata, content) -> getUI().ifPresent(ui -> ui.access(() ->
                    define(customBenchmarks, content)))));
            upload.setAcceptedFileTypes(".yaml", ".yml");
            upload.setMaxFileSize(CustomBenchmarks.MAX_FILE_BYTES);
            upload.setDropLabel(new Span("Custom benchmark: a YAML file that picks built-in rules (see docs/benchmarks.md)"));
            problems.addClassName("definition-problems");
            add(new H3("Define a custom benchmark"), new Paragraph("Give each control your own id, title and severity, "
                    + "and the rule (with parameters) or the built-in control it uses. A file with mistakes changes nothing."),
                    upload, problems);
        }
    }

    /** One score query per benchmark, not one per column. */
    private void showCatalogue() {
        var benchmarks = catalog.all();
        estateFigures.clear();
        benchmarks.forEach(benchmark -> estateFigures.put(benchmark.id(), scores.figure(benchmark.id(), ScoreScope.estate(), null)));
        grid.setItems(benchmarks);
    }

    private void define(CustomBenchmarks customBenchmarks, byte[] content) {
        problems.removeAll();
        try {
            var benchmark = customBenchmarks.upload(content);
            Notices.success(benchmark.title() + " defined with " + benchmark.controls().count() + " controls and evaluated");
            showCatalogue();
        } catch (BenchmarkDefinitionException e) {
            var list = new UnorderedList();
            e.problems().forEach(problem -> list.add(new ListItem("Line " + problem.line() + ": " + problem.message())));
            problems.add(new Span("The file was not used:"), list);
        }
    }

    /** Who may define custom benchmarks and switch benchmarks per cluster (as {@code Roles.CAN_CONFIGURE_BENCHMARKS}). */
    static boolean mayConfigureBenchmarks(AuthenticationContext authentication) {
        return Stream.of(Role.ADMIN, Role.SECURITY_MANAGER, Role.COMPLIANCE_OFFICER)
                .anyMatch(role -> authentication.hasRole(role.name()));
    }

    private static String decidedBy(Benchmark benchmark) {
        long rules = benchmark.controls().filter(control -> control.source() == io.posture.benchmark.Control.Source.RULE).count();
        long reports = benchmark.controls().filter(control -> control.source() == io.posture.benchmark.Control.Source.REPORT).count();
        long manual = benchmark.controls().filter(control -> control.source() == io.posture.benchmark.Control.Source.MANUAL).count();
        var parts = new java.util.ArrayList<String>();
        if (rules > 0) {
            parts.add(rules + " by rules");
        }
        if (reports > 0) {
            parts.add(reports + " by " + benchmark.reportTool() + " reports");
        }
        if (manual > 0) {
            parts.add(manual + " attested");
        }
        return String.join(", ", parts);
    }
}
