package io.posture.ui.cluster;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Route;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryViews.HostInfo;
import io.posture.inventory.InventoryViews.KindCount;
import io.posture.inventory.InventoryViews.UnevaluatedObject;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.NamespaceScore;
import io.posture.scoring.ScoreViews.ScoreScope;
import io.posture.ui.BenchmarkSelect;
import io.posture.ui.EstateView;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import io.posture.ui.ScoreTrend;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import java.util.Map;
import java.util.stream.Collectors;

@PermitAll
@Route(value = "clusters/:cluster", layout = MainLayout.class)
@PageTitle("Cluster · Posture")
class ClusterView extends EstateView {

    /** Kinds the not-evaluated notice names; the tab lists every object. */
    private static final int NAMED_KINDS = 6;

    ClusterView(InventoryQueries inventory, ScoreQueries scores, BenchmarkCatalog catalog) {
        super(inventory, scores, catalog);
        setSizeFull();
    }

    @Override
    protected void show(RouteParameters parameters, String benchmarkId) {
        var clusterName = parameter(parameters, "cluster");
        var cluster = inventory.cluster(clusterName).orElseThrow(() -> new NotFoundException("No cluster " + clusterName));
        var score = scores.clusterScores(benchmarkId).stream().filter(s -> s.clusterId() == cluster.id()).findFirst();
        add(new PageHeader("Cluster " + cluster.name(), "Environment " + cluster.environment() + " · score "
                + Formats.score(score.map(s -> s.score()).orElse(null)) + " · coverage "
                + Formats.percent(score.map(s -> s.coverage()).orElse(null)) + " · last seen " + Formats.time(cluster.lastSeen()))
                .crumb("Overview", Navigation.overview(benchmarkId))
                .action(new BenchmarkSelect(catalog, benchmarkId, id -> Navigation.cluster(clusterName, id))));

        if (!cluster.unreadKinds().isEmpty()) {
            var notice = new Paragraph("Not readable in the latest collection: " + String.join(", ", cluster.unreadKinds())
                    + ". Those objects keep their last known state and their controls show UNKNOWN until a collection reads them.");
            notice.addClassName("notice");
            add(notice);
        }
        var unevaluated = inventory.unevaluatedKinds(cluster.id());
        if (!unevaluated.isEmpty()) {
            var named = unevaluated.stream().limit(NAMED_KINDS).map(each -> Formats.count(each.count()) + " " + each.kind())
                    .collect(Collectors.joining(", "));
            var more = unevaluated.size() > NAMED_KINDS ? " and " + (unevaluated.size() - NAMED_KINDS) + " other kinds" : "";
            var notice = new Paragraph("Not evaluated: " + named + more
                    + ". No control looks at these kinds; the Not evaluated tab lists them.");
            notice.addClassNames("notice", "unevaluated-notice");
            add(notice);
        }
        var tabs = new TabSheet();
        tabs.add("Namespaces", namespaces(cluster.id(), clusterName, benchmarkId));
        tabs.add("Nodes", nodes(cluster.id()));
        if (!unevaluated.isEmpty()) {
            tabs.add("Not evaluated (" + Formats.count(unevaluated.stream().mapToLong(KindCount::count).sum()) + ")",
                    unevaluatedObjects(cluster.id()));
        }
        tabs.add("Trend", new ScoreTrend(days -> scores.trend(benchmarkId, ScoreScope.cluster(cluster.id()), null, days)));
        tabs.addClassName("cluster-tabs");
        add(tabs);
    }

    private Grid<NamespaceScore> namespaces(long clusterId, String clusterName, String benchmarkId) {
        var grid = new Grid<NamespaceScore>();
        grid.addColumn(NamespaceScore::namespace).setHeader("Namespace").setSortProperty("namespace").setFlexGrow(2);
        grid.addColumn(row -> row.team() == null ? "—" : row.team()).setHeader("Team").setSortProperty("team");
        grid.addComponentColumn(row -> Formats.scoreBadge(row.score())).setHeader("Score").setSortProperty("score");
        grid.addColumn(NamespaceScore::failed).setHeader("Failing checks").setSortProperty("failed");
        grid.addColumn(NamespaceScore::passed).setHeader("Passing checks").setSortProperty("passed");
        grid.addColumn(row -> Formats.percent(row.coverage())).setHeader("Coverage");
        grid.setItemsPageable(pageable -> scores.namespaceScores(clusterId, benchmarkId,
                withDefaultSort(pageable, Sort.by("score").ascending().and(Sort.by("namespace")))).getContent());
        grid.addItemClickListener(click -> Navigation.go(
                Navigation.namespace(clusterName, click.getItem().namespace(), benchmarkId)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No namespaces evaluated in this cluster.");
        grid.addClassName("clickable");
        grid.setHeight("60vh");
        return grid;
    }

    private Grid<HostInfo> nodes(long clusterId) {
        var grid = new Grid<HostInfo>();
        grid.addColumn(HostInfo::name).setHeader("Node").setSortProperty("name").setFlexGrow(2);
        grid.addColumn(host -> host.ready() == null ? "not reported" : host.ready().equals("True") ? "Ready" : "Not ready")
                .setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(host -> orDash(host.kubeletVersion())).setHeader("Kubelet").setSortProperty("kubeletVersion").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(host -> orDash(host.osImage())).setHeader("OS image").setSortProperty("osImage").setFlexGrow(2);
        grid.addColumn(host -> orDash(host.kernelVersion())).setHeader("Kernel").setSortProperty("kernelVersion").setAutoWidth(true);
        grid.addColumn(host -> orDash(host.containerRuntime())).setHeader("Runtime").setSortProperty("containerRuntime").setAutoWidth(true);
        grid.addColumn(host -> host.taints().isEmpty() ? "—" : String.join(", ", host.taints())).setHeader("Taints").setFlexGrow(2);
        grid.addColumn(host -> host.conditions().entrySet().stream()
                        .filter(condition -> !condition.getKey().equals("Ready") && condition.getValue().equals("True"))
                        .map(Map.Entry::getKey).collect(Collectors.collectingAndThen(Collectors.joining(", "),
                                problems -> problems.isEmpty() ? "none" : problems)))
                .setHeader("Pressure / problems");
        grid.setItemsPageable(pageable -> inventory.hosts(clusterId, withDefaultSort(pageable, Sort.by("name"))).getContent());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No nodes known: nodes come from live collection (or Node objects in an import).");
        grid.setHeight("60vh");
        return grid;
    }

    private Grid<UnevaluatedObject> unevaluatedObjects(long clusterId) {
        var grid = new Grid<UnevaluatedObject>();
        grid.addColumn(UnevaluatedObject::kind).setHeader("Kind").setSortProperty("kind").setFlexGrow(1);
        grid.addColumn(object -> orDash(object.apiVersion())).setHeader("API version").setSortProperty("apiVersion").setFlexGrow(1);
        grid.addColumn(object -> object.namespace().isEmpty() ? "(cluster-wide)" : object.namespace()).setHeader("Namespace")
                .setSortProperty("namespace").setFlexGrow(1);
        grid.addColumn(UnevaluatedObject::name).setHeader("Name").setSortProperty("name").setFlexGrow(2);
        grid.addColumn(object -> Formats.time(object.lastSeen())).setHeader("Last seen").setSortProperty("lastSeen");
        grid.setItemsPageable(pageable -> inventory.unevaluatedObjects(clusterId,
                withDefaultSort(pageable, Sort.by("kind", "namespace", "name"))).getContent());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("unevaluated-objects");
        grid.setHeight("60vh");
        return grid;
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }

    private static Pageable withDefaultSort(Pageable pageable, Sort defaultSort) {
        return pageable.getSort().isSorted() ? pageable : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), defaultSort);
    }
}
