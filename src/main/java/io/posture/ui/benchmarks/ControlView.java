package io.posture.ui.benchmarks;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.posture.benchmark.BenchmarkCatalog;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.evidence.Attestations;
import io.posture.security.Role;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryViews.ClusterInfo;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ResourceResult;
import io.posture.scoring.ScoreViews.ScoreScope;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One control: why it matters, how to fix it, and every resource it was evaluated on, failures first. */
@PermitAll
@Route(value = "benchmarks/:benchmark/controls/:control", layout = MainLayout.class)
@PageTitle("Control · Posture")
class ControlView extends VerticalLayout implements BeforeEnterObserver {

    private final BenchmarkCatalog catalog;
    private final ScoreQueries scores;
    private final InventoryQueries inventory;

    private final Attestations attestations;
    private final AuthenticationContext authentication;
    private final Clock clock;

    ControlView(BenchmarkCatalog catalog, ScoreQueries scores, InventoryQueries inventory, Attestations attestations,
                AuthenticationContext authentication, Clock clock) {
        this.catalog = catalog;
        this.scores = scores;
        this.inventory = inventory;
        this.attestations = attestations;
        this.authentication = authentication;
        this.clock = clock;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var benchmarkId = event.getRouteParameters().get("benchmark").orElseThrow();
        var controlId = event.getRouteParameters().get("control").orElseThrow();
        var benchmark = catalog.find(benchmarkId).orElseThrow(() -> new NotFoundException("No benchmark " + benchmarkId));
        var control = benchmark.control(controlId).orElseThrow(() -> new NotFoundException("No control " + controlId));
        var clusterName = event.getLocation().getQueryParameters().getSingleParameter("cluster").orElse(null);
        var clusters = inventory.clusters().stream().collect(Collectors.toMap(ClusterInfo::id, Function.identity()));
        var scope = clusterName == null ? ScoreScope.estate() : ScoreScope.cluster(inventory.cluster(clusterName)
                .orElseThrow(() -> new NotFoundException("No cluster " + clusterName)).id());
        var section = benchmark.section(control.sectionId()).orElseThrow();

        add(new PageHeader(control.id() + " " + control.title(), benchmark.title() + " · section " + section.id() + " "
                + section.title() + " · " + (clusterName == null ? "estate" : "cluster " + clusterName))
                .crumb("Benchmarks", Navigation.benchmarks())
                .crumb(benchmark.title(), Navigation.benchmark(benchmarkId, clusterName)));

        var facts = new Div(Formats.severityBadge(control.severity()), new Paragraph(switch (control.source()) {
            case RULE -> "Decided by Posture's rule " + control.rule() + " on the collected objects.";
            case REPORT -> "Decided by " + benchmark.reportTool() + " reports uploaded per host.";
            case MANUAL -> "Not decidable from the API: a compliance officer attests it.";
        }));
        if (!control.aliases().isEmpty()) {
            facts.add(new Paragraph("Earlier editions: " + control.aliases().entrySet().stream()
                    .map(alias -> alias.getKey() + " " + alias.getValue()).collect(Collectors.joining(", "))));
        }
        if (control.reference() != null) {
            facts.add(new Paragraph(benchmark.title() + " " + (benchmark.edition() == null ? "" : benchmark.edition() + " ")
                    + "asks for it in: " + control.reference()));
        }
        if (!control.attack().isEmpty()) {
            var techniques = new Paragraph("MITRE ATT&CK for Containers: ");
            for (int i = 0; i < control.attack().size(); i++) {
                var technique = control.attack().get(i);
                var link = new Anchor(technique.url(), technique.toString());
                link.setTarget("_blank");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                techniques.add(link);
                if (i < control.attack().size() - 1) {
                    techniques.add(", ");
                }
            }
            techniques.addClassName("control-attack");
            facts.add(techniques);
        }
        control.providerManaged().forEach((provider, reason) ->
                facts.add(new Paragraph("On " + provider.toUpperCase(java.util.Locale.ROOT) + ": outside the score, " + reason)));
        facts.addClassName("control-facts");
        add(facts, new H3("Why it matters"), new Paragraph(control.rationale()), new H3("How to fix it"),
                new Paragraph(control.remediation()));
        if (control.manual()) {
            add(new AttestationPanel(attestations, benchmarkId, controlId, clusterName,
                    authentication.hasRole(Role.COMPLIANCE_OFFICER.name()), clock));
        }
        var openFindings = new Anchor(Navigation.findings(FindingFilter.openOf(benchmarkId, controlId)), "Open findings of this control");
        openFindings.addClassName("control-findings");
        add(new H3("Affected resources"), openFindings);

        var grid = new Grid<ResourceResult>();
        grid.addComponentColumn(result -> Formats.statusBadge(result.status())).setHeader("Status").setFlexGrow(0).setWidth("9rem");
        grid.addColumn(result -> result.clusterId() == null ? "Docker hosts" : clusterName(clusters, result.clusterId()))
                .setHeader("Cluster");
        grid.addColumn(result -> result.namespace() == null ? "" : result.namespace()).setHeader("Namespace");
        grid.addColumn(result -> result.kind() + " " + result.name()).setHeader("Resource").setFlexGrow(2);
        grid.addColumn(result -> Formats.evidence(result.evidence()))
                .setHeader("Evidence").setFlexGrow(5);
        grid.setItemsPageable(pageable -> scores.controlResults(benchmarkId, controlId, scope, pageable).getContent());
        grid.addItemClickListener(click -> open(click.getItem(), clusters, benchmarkId));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassNames("clickable", "control-results");
        grid.setEmptyStateText("No resource has been evaluated for this control yet.");
        add(grid);
    }

    private static void open(ResourceResult result, Map<Long, ClusterInfo> clusters, String benchmarkId) {
        if (result.workloadId() != null) {
            Navigation.go(Navigation.workload(clusterName(clusters, result.clusterId()), result.namespace(), result.kind(),
                    result.name(), benchmarkId));
        } else if (result.hostId() != null) {
            Navigation.go(Navigation.host(result.hostId()));
        }
    }

    private static String clusterName(Map<Long, ClusterInfo> clusters, Long clusterId) {
        var cluster = clusters.get(clusterId);
        return cluster == null ? "#" + clusterId : cluster.name();
    }
}
