package io.posture.ui.workload;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Route;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.ControlStatus;
import io.posture.benchmark.Evidence;
import io.posture.inventory.ImageCatalog;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryViews.ContainerInfo;
import io.posture.inventory.InventoryViews.RunningImage;
import io.posture.inventory.WorkloadKind;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ControlResultView;
import io.posture.ui.BenchmarkSelect;
import io.posture.ui.EstateView;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@PermitAll
@Route(value = "clusters/:cluster/namespaces/:namespace/workloads/:kind/:name", layout = MainLayout.class)
@PageTitle("Workload · Posture")
class WorkloadView extends EstateView {

    private final ImageCatalog imageCatalog;

    WorkloadView(InventoryQueries inventory, ScoreQueries scores, BenchmarkCatalog catalog, ImageCatalog imageCatalog) {
        super(inventory, scores, catalog);
        this.imageCatalog = imageCatalog;
    }

    @Override
    protected void show(RouteParameters parameters, String benchmarkId) {
        var clusterName = parameter(parameters, "cluster");
        var namespace = parameter(parameters, "namespace");
        var kindName = parameter(parameters, "kind");
        var name = parameter(parameters, "name");
        var kind = WorkloadKind.of(kindName).orElseThrow(() -> new NotFoundException("No workload kind " + kindName));
        var workload = inventory.workload(clusterName, namespace, kind, name)
                .orElseThrow(() -> new NotFoundException("No " + kindName + " " + namespace + "/" + name));
        var results = scores.workloadResults(workload.clusterId(), workload.id(), benchmarkId);
        long failing = results.stream().filter(result -> result.status() == ControlStatus.FAIL).count();

        add(new PageHeader(kind + " " + name, failing + " failing " + (failing == 1 ? "control" : "controls")
                + " · team " + (workload.team() == null ? "unassigned" : workload.team())
                + " · service account " + workload.serviceAccount()
                + " · first seen " + Formats.time(workload.firstSeen()) + " · last seen " + Formats.time(workload.lastSeen()))
                .crumb("Overview", Navigation.overview(benchmarkId))
                .crumb(clusterName, Navigation.cluster(clusterName, benchmarkId))
                .crumb(namespace, Navigation.namespace(clusterName, namespace, benchmarkId))
                .action(new BenchmarkSelect(catalog, benchmarkId,
                        id -> Navigation.workload(clusterName, namespace, kindName, name, id))));

        var running = inventory.runningImages(workload.clusterId(), namespace, kind, name).stream()
                .collect(Collectors.groupingBy(RunningImage::containerName));
        var images = imageCatalog.imagesOf(workload.clusterId(), namespace, kind, name);
        add(new H2("Containers"), containers(workload.containers(), running, images));
        add(new H2("Control results"), resultsGrid(results));
    }

    /** Containers as the template declares them, with the image IDs (digests) its pods were last seen running. */
    private static Grid<ContainerInfo> containers(List<ContainerInfo> containers, Map<String, List<RunningImage>> running,
                                                  Map<String, Long> images) {
        var grid = new Grid<ContainerInfo>();
        grid.addColumn(ContainerInfo::name).setHeader("Container");
        grid.addColumn(container -> container.type().name().toLowerCase()).setHeader("Type");
        grid.addComponentColumn(container -> images.containsKey(container.name())
                        ? new Anchor(Navigation.image(images.get(container.name())), container.image())
                        : new Span(container.image())).setHeader("Image").setFlexGrow(3);
        // only live collection sees pods' status; imported manifests say nothing about what runs
        grid.addColumn(container -> running.getOrDefault(container.name(), List.of()).stream()
                        .map(image -> (image.imageId() == null ? "not reported" : image.imageId())
                                + " (" + image.pods() + (image.pods() == 1 ? " pod)" : " pods)"))
                        .collect(Collectors.collectingAndThen(Collectors.joining("\n"), text -> text.isEmpty() ? "—" : text)))
                .setHeader("Running image ID").setFlexGrow(4).setPartNameGenerator(container -> "evidence");
        grid.addColumn(container -> container.securityContextJson() == null ? "none" : container.securityContextJson())
                .setHeader("Security context").setFlexGrow(4);
        grid.setItems(containers);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("containers");
        return grid;
    }

    private static Grid<ControlResultView> resultsGrid(List<ControlResultView> results) {
        var grid = new Grid<ControlResultView>();
        grid.addComponentColumn(result -> Formats.statusBadge(result.status())).setHeader("Status").setFlexGrow(0).setWidth("7rem");
        grid.addComponentColumn(result -> Formats.severityBadge(result.severity())).setHeader("Severity").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(ControlResultView::title).setHeader("Control").setFlexGrow(2);
        grid.addColumn(result -> Formats.evidence(result.evidence()))
                .setHeader("Evidence").setFlexGrow(4).setPartNameGenerator(result -> "evidence");
        grid.setItems(results);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(WorkloadView::details));
        grid.setDetailsVisibleOnClick(true);
        results.stream().filter(result -> result.status() == ControlStatus.FAIL).findFirst()
                .ifPresent(first -> grid.setDetailsVisible(first, true));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("results");
        return grid;
    }

    private static Div details(ControlResultView result) {
        var evidence = new Pre(result.evidence().stream().map(Evidence::toString).collect(Collectors.joining("\n")));
        evidence.addClassName("evidence-block");
        var id = new Span(result.sectionTitle() + " · " + result.controlId());
        id.addClassName("hint");
        var details = new Div(id,
                new H4("Evidence"), evidence,
                new H4("Why it matters"), new Paragraph(result.rationale()),
                new H4("How to fix it"), new Paragraph(result.remediation()));
        details.addClassName("result-details");
        return details;
    }
}
