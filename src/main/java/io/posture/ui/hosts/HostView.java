package io.posture.ui.hosts;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.collect.HostReportViews.HostReportInfo;
import io.posture.collect.HostReports;
import io.posture.inventory.HostType;
import io.posture.inventory.InventoryQueries;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ControlResultView;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

/** One node or Docker host: its benchmark results from the latest report, and every report uploaded for it. */
@PermitAll
@Route(value = "hosts", layout = MainLayout.class)
@PageTitle("Host · Posture")
class HostView extends VerticalLayout implements HasUrlParameter<Long> {

    private final InventoryQueries inventory;
    private final ScoreQueries scores;
    private final HostReports reports;
    private final BenchmarkCatalog catalog;

    HostView(InventoryQueries inventory, ScoreQueries scores, HostReports reports, BenchmarkCatalog catalog) {
        this.inventory = inventory;
        this.scores = scores;
        this.reports = reports;
        this.catalog = catalog;
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long hostId) {
        removeAll();
        var host = inventory.host(hostId).orElseThrow(() -> new NotFoundException("No host " + hostId));
        var tool = host.type() == HostType.NODE ? "kube-bench" : "docker-bench";
        var benchmark = catalog.forReportTool(tool).orElseThrow();
        var results = scores.hostResults(host.clusterId(), host.id(), benchmark.id());
        long failing = results.stream().filter(result -> result.status() == io.posture.benchmark.ControlStatus.FAIL).count();
        add(new PageHeader(host.name(), (host.type() == HostType.NODE ? "Node" : "Docker host") + " · " + benchmark.title()
                + " · " + results.size() + " checks from the latest " + tool + " report, " + failing + " failing")
                .crumb("Hosts", Navigation.hosts()));

        var grid = new Grid<ControlResultView>();
        grid.addComponentColumn(result -> Formats.statusBadge(result.status())).setHeader("Status").setFlexGrow(0).setWidth("9rem");
        grid.addColumn(ControlResultView::controlId).setHeader("Control").setFlexGrow(0).setWidth("6rem");
        grid.addColumn(ControlResultView::title).setHeader("Title").setFlexGrow(3);
        grid.addComponentColumn(result -> Formats.severityBadge(result.severity())).setHeader("Severity");
        grid.addColumn(result -> Formats.evidence(result.evidence()))
                .setHeader("Evidence").setFlexGrow(5);
        grid.setItems(results);
        grid.addItemClickListener(click -> Navigation.go(Navigation.control(benchmark.id(), click.getItem().controlId(), null)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassNames("clickable", "host-results");
        grid.setEmptyStateText("No " + tool + " report for this host yet: upload one on the Hosts page.");
        add(grid, new H3("Reports"));

        var history = new Grid<HostReportInfo>();
        history.addColumn(report -> Formats.time(report.uploadedAt())).setHeader("Uploaded");
        history.addColumn(HostReportInfo::uploadedBy).setHeader("By");
        history.addColumn(HostReportInfo::fileName).setHeader("File");
        history.addColumn(report -> report.benchmarkVersion() == null ? "—" : report.benchmarkVersion()).setHeader("CIS version");
        history.addColumn(HostReportInfo::checks).setHeader("Checks");
        history.addColumn(HostReportInfo::sha256).setHeader("SHA-256").setFlexGrow(3);
        history.setItems(reports.reportsOf(host.id()));
        history.setAllRowsVisible(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(history);
    }
}
